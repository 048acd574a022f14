package org.ipsl.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.RuntimeIOException;

/**
 * Xtext's build of the server, which unloads every edited file and parses it again from the
 * start: here an edited file that is loaded is brought to its new text in place instead
 * ({@link IncrementalResource#reparseTo}), so a one-line edit reparses one policy, not 10,000, and does
 * not allocate a new model of the whole file. Deleted files and files affected through others
 * are unloaded as before.
 */
public class ReparsingBuilder extends IncrementalBuilder.InternalStatefulIncrementalBuilder {

	@Override
	protected void unloadResource(URI uri) {
		XtextResourceSet resourceSet = getRequest().getResourceSet();
		Resource resource = resourceSet.getResource(uri, false);
		if (Caches.enabled() && resource instanceof IncrementalResource file && file.isLoaded()
				&& file.getParseResult() != null
				&& getRequest().getDirtyFiles().contains(uri) && !getRequest().getDeletedFiles().contains(uri))
			file.reparseTo(currentText(resourceSet, file));
		else
			super.unloadResource(uri);
	}

	/** The text the build sees: the editor's for an open document, else the file's. */
	private static String currentText(XtextResourceSet resourceSet, IncrementalResource file) {
		try (InputStream in = resourceSet.getURIConverter().createInputStream(file.getURI(),
				resourceSet.getLoadOptions())) {
			return new String(in.readAllBytes(), Charset.forName(file.getEncoding()));
		} catch (IOException e) {
			throw new RuntimeIOException(e);
		}
	}
}
