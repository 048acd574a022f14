package org.ipsl.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Which files a workspace may name in {@code preshared file}, {@code certificate}, {@code ca} and
 * {@code crl}: those inside its folder and inside the folders allowed beyond it ({@code ipsl check
 * --allow-outside}, the server's {@code allowOutside}), symbolic links resolved; none at all in a
 * restricted workspace (VS Code's Restricted Mode). A workspace written by someone else thus cannot
 * make IPSL read, or copy into a generated script, a file elsewhere on the machine. Kept on the
 * resource set; without it, a file may name files in its own folder only.
 */
public final class FileAccess extends AdapterImpl {
	private final List<Path> roots;
	private final boolean restricted;

	private FileAccess(List<Path> roots, boolean restricted) {
		this.roots = roots.stream().map(FileAccess::real).toList();
		this.restricted = restricted;
	}

	/** Files inside {@code workspace} and {@code allowed} may be read. */
	public static void set(ResourceSet resourceSet, Path workspace, List<Path> allowed) {
		List<Path> roots = new ArrayList<>(List.of(workspace));
		roots.addAll(allowed);
		attach(resourceSet, new FileAccess(roots, false));
	}

	/** No referenced file may be read. */
	public static void restrict(ResourceSet resourceSet) {
		attach(resourceSet, new FileAccess(List.of(), true));
	}

	private static void attach(ResourceSet resourceSet, FileAccess access) {
		resourceSet.eAdapters().removeIf(FileAccess.class::isInstance);
		resourceSet.eAdapters().add(access);
	}

	public static boolean isRestricted(ResourceSet resourceSet) {
		FileAccess access = of(resourceSet);
		return access != null && access.restricted;
	}

	/** What a written path names, relative to the folder of the file that holds {@code context}. */
	public sealed interface Reference {
	}

	/** A file that may be read. */
	public record Readable(Path path) implements Reference {
	}

	/** A file outside the workspace and the allowed folders. */
	public record Outside(Path path) implements Reference {
	}

	/** Nothing can be read: a restricted workspace, a document that is not a file, a path that names no file. */
	public record Unreadable() implements Reference {
	}

	public static Reference resolve(EObject context, String written) {
		URI uri = context.eResource() == null ? null : context.eResource().getURI();
		if (uri == null || !uri.isFile() || written == null)
			return new Unreadable();
		ResourceSet resourceSet = context.eResource().getResourceSet();
		FileAccess access = of(resourceSet);
		if (access != null && access.restricted)
			return new Unreadable();
		Path folder = Path.of(uri.toFileString()).toAbsolutePath().getParent();
		Path path;
		try {
			path = folder.resolve(written).normalize();
		} catch (InvalidPathException e) {
			return new Unreadable();
		}
		List<Path> roots = access != null ? access.roots : List.of(real(folder));
		Path real = real(path);
		return roots.stream().anyMatch(real::startsWith) ? new Readable(path) : new Outside(path);
	}

	/** The readable file a written path names, if any. */
	public static Optional<Path> readable(EObject context, String written) {
		return resolve(context, written) instanceof Readable r ? Optional.of(r.path()) : Optional.empty();
	}

	/**
	 * The preshared secret in the readable file a written path names, without one final line break;
	 * nothing when it cannot be read, is not UTF-8 or is empty.
	 */
	public static Optional<String> secret(EObject context, String written) {
		return readable(context, written).flatMap(path -> {
			try {
				String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
				String secret = text.endsWith("\r\n")
						? text.substring(0, text.length() - 2)
						: text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
				return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
			} catch (IOException | RuntimeException e) {
				return Optional.empty();
			}
		});
	}

	/**
	 * The path with symbolic links resolved: of the path itself when it exists, else of its nearest
	 * existing ancestor with the rest appended.
	 */
	private static Path real(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		for (Path existing = absolute; existing != null; existing = existing.getParent()) {
			if (Files.exists(existing)) {
				try {
					return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
				} catch (IOException e) {
					return absolute;
				}
			}
		}
		return absolute;
	}

	private static FileAccess of(ResourceSet resourceSet) {
		return resourceSet == null ? null : (FileAccess) EcoreUtil.getExistingAdapter(resourceSet, FileAccess.class);
	}

	@Override
	public boolean isAdapterForType(Object type) {
		return type == FileAccess.class;
	}
}
