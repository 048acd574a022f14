package org.ipsl.resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.nodemodel.INode;
import org.ipsl.incremental.IncrementalResource;

/**
 * An IPSL file in memory: read as UTF-8 (a file that is not gets an error at the first byte that is
 * not, {@link NotUtf8}), with syntax errors as {@link SyntaxDiagnostic}s, whose end is found where
 * Xtext's is not. What makes edits fast is its base ({@link IncrementalResource}).
 */
public class IpslResource extends IncrementalResource {
	/**
	 * Reads the file as UTF-8; a file that is not gets an error at the first byte that is not
	 * ({@link NotUtf8}) and is read all the same, so that its names still link.
	 */
	@Override
	protected void doLoad(InputStream in, Map<?, ?> options) throws IOException {
		byte[] bytes = in.readAllBytes();
		String text = NotUtf8.decode(bytes);
		super.doLoad(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
				withEncoding(options, StandardCharsets.UTF_8.name()));
		NotUtf8.find(bytes, text).ifPresent(getErrors()::add);
	}

	private static Map<Object, Object> withEncoding(Map<?, ?> options, String encoding) {
		Map<Object, Object> result = options == null ? new HashMap<>() : new HashMap<>(options);
		result.put(OPTION_ENCODING, encoding);
		return result;
	}

	@Override
	protected void addSyntaxDiagnostic(List<Resource.Diagnostic> diagnostics, INode node) {
		diagnostics.add(new SyntaxDiagnostic(node));
	}
}
