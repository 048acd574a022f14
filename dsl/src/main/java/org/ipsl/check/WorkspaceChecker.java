package org.ipsl.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.ipsl.analysis.peers.Session;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.validation.IssueSeverity;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Parses, links and validates workspaces of {@code .ipsl} files, as {@code ipsl check} does. A
 * folder argument is one workspace and every file in it is reported; a file argument is reported
 * alone but linked with the other files of its folder tree, since names are global to a workspace.
 */
public class WorkspaceChecker {
	public static final String EXTENSION = ".ipsl";

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Inject
	private PeerWorkspace peers;

	@Inject
	private IResourceDescription.Manager describer;

	/**
	 * A loaded workspace: its folder, its resource set and the files whose diagnostics are wanted.
	 * Its index of names is made once all its files are loaded: a loaded workspace is read, not
	 * edited ({@link Unchanging}).
	 */
	public record Workspace(Path root, XtextResourceSet resourceSet, Map<Path, Resource> reported) {
	}

	/**
	 * The diagnostics of the reported files, the session table between the peers of their workspaces,
	 * and what strongSwan would negotiate: by host, the IKE_SAs as {@code swanctl --list-sas} lists them.
	 */
	public record Report(List<Diagnostic> diagnostics, List<Session> sessions,
			Map<String, List<Map<String, Object>>> hosts) {
	}

	public List<Diagnostic> check(List<Path> paths, LocalDate day) throws PathFailure {
		return report(paths, day).diagnostics();
	}

	public Report report(List<Path> paths, LocalDate day) throws PathFailure {
		return report(paths, day, List.of());
	}

	/** The report, where files inside {@code allowOutside} may be read as well as the workspace's ({@link FileAccess}). */
	public Report report(List<Path> paths, LocalDate day, List<Path> allowOutside) throws PathFailure {
		List<Diagnostic> diagnostics = new ArrayList<>();
		List<Session> sessions = new ArrayList<>();
		Map<String, List<Map<String, Object>>> hosts = new LinkedHashMap<>();
		for (Workspace workspace : load(paths, day, allowOutside)) {
			diagnostics.addAll(diagnostics(workspace));
			PeerWorkspace.Snapshot snapshot = peers.of(workspace.resourceSet());
			sessions.addAll(snapshot.sessions());
			hosts.putAll(snapshot.prediction().json());
		}
		diagnostics.sort(ORDER);
		return new Report(diagnostics, sessions, hosts);
	}

	private static final Comparator<Diagnostic> ORDER = Comparator.comparing((Diagnostic d) -> d.file().toString())
			.thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::code);

	/** The diagnostics of a loaded workspace's reported files, in file and line order. */
	public List<Diagnostic> diagnostics(Workspace workspace) {
		List<Diagnostic> result = new ArrayList<>();
		for (Map.Entry<Path, Resource> entry : workspace.reported().entrySet())
			for (Issue issue : validator.validate(entry.getValue(), CheckMode.ALL, CancelIndicator.NullImpl))
				result.add(toDiagnostic(entry.getKey(), issue));
		result.sort(ORDER);
		return result;
	}

	public List<Workspace> load(List<Path> paths, LocalDate day) throws PathFailure {
		return load(paths, day, List.of());
	}

	/**
	 * Loads each path's workspace; files named alone share the workspace of their folder. Its files
	 * may name files inside its folder and inside {@code allowOutside} ({@link FileAccess}).
	 */
	public List<Workspace> load(List<Path> paths, LocalDate day, List<Path> allowOutside) throws PathFailure {
		Map<Path, Set<Path>> reportedByRoot = new LinkedHashMap<>();
		for (Path path : paths) {
			Path absolute = path.toAbsolutePath().normalize();
			if (!Files.exists(absolute))
				throw new PathFailure(path, "no such file or folder");
			if (Files.isDirectory(absolute))
				reportedByRoot.computeIfAbsent(absolute, r -> new TreeSet<>()).addAll(ipslFiles(absolute));
			else
				reportedByRoot.computeIfAbsent(absolute.getParent(), r -> new TreeSet<>()).add(absolute);
		}
		List<Workspace> workspaces = new ArrayList<>();
		for (Map.Entry<Path, Set<Path>> entry : reportedByRoot.entrySet()) {
			XtextResourceSet resourceSet = resourceSets.get();
			JudgmentDay.set(resourceSet, day);
			FileAccess.set(resourceSet, entry.getKey(), allowOutside);
			Set<Path> all = new TreeSet<>(ipslFiles(entry.getKey()));
			all.addAll(entry.getValue());
			Map<Path, Resource> reported = new LinkedHashMap<>();
			List<IResourceDescription> descriptions = new ArrayList<>();
			for (Path file : all) {
				Resource resource = loadFile(resourceSet, file);
				descriptions.add(describer.getResourceDescription(resource));
				if (entry.getValue().contains(file))
					reported.put(file, resource);
			}
			// Names are looked up in an index of the workspace's names rather than by asking every
			// file in turn, which for n files costs n per lookup.
			ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(resourceSet,
					new ResourceDescriptionsData(descriptions));
			Unchanging.mark(resourceSet);
			// Each file's links resolved in one walk, where a name is looked up once per scope
			// (IpslResource), before any analysis follows them one by one; validation would resolve
			// them all the same.
			for (Resource resource : List.copyOf(resourceSet.getResources()))
				EcoreUtil2.resolveLazyCrossReferences(resource, CancelIndicator.NullImpl);
			workspaces.add(new Workspace(entry.getKey(), resourceSet, reported));
		}
		return workspaces;
	}

	/** The .ipsl files below a folder, sorted. */
	public static List<Path> ipslFiles(Path folder) throws PathFailure {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
					.sorted().toList();
		} catch (IOException | java.io.UncheckedIOException e) {
			throw new PathFailure(folder, "cannot read the folder (" + e.getMessage() + ")");
		}
	}

	/** A source file's text; a file that is not UTF-8 is refused, not read with replacement characters. */
	public static String readUtf8(Path file) throws PathFailure {
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(readBytes(file)))
					.toString();
		} catch (CharacterCodingException e) {
			throw new PathFailure(file, "not UTF-8 text");
		}
	}

	private static byte[] readBytes(Path file) throws PathFailure {
		try {
			return Files.readAllBytes(file);
		} catch (IOException e) {
			throw new PathFailure(file, "cannot read the file (" + e.getClass().getSimpleName() + ")");
		}
	}

	/** Loads the file's bytes as they are: the resource reports a file that is not UTF-8 as a syntax error. */
	private static Resource loadFile(XtextResourceSet resourceSet, Path file) throws PathFailure {
		byte[] bytes = readBytes(file);
		Resource resource = resourceSet.createResource(URI.createFileURI(file.toString()));
		try {
			resource.load(new ByteArrayInputStream(bytes), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		} catch (IOException e) {
			throw new PathFailure(file, "cannot parse the file (" + e.getMessage() + ")");
		}
		return resource;
	}

	private static Diagnostic toDiagnostic(Path file, Issue issue) {
		List<Diagnostic.Related> related = new ArrayList<>();
		for (RelatedData.Location location : RelatedData.decode(issue.getData()))
			related.add(new Diagnostic.Related(Path.of(location.uri().toFileString()), location.line(),
					location.column(), location.message()));
		int line = orOne(issue.getLineNumber()), column = orOne(issue.getColumn());
		int endLine = issue.getLineNumberEnd() == null ? line : issue.getLineNumberEnd();
		int endColumn = issue.getColumnEnd() == null ? column : issue.getColumnEnd();
		return new Diagnostic(file, line, column, endLine, endColumn, IssueSeverity.of(issue), code(issue),
				issue.getMessage(), related);
	}

	private static int orOne(Integer value) {
		return value == null || value < 1 ? 1 : value;
	}

	/** Every issue IPSL's parser, linker and validators raise carries one of the codes. */
	private static DiagnosticCode code(Issue issue) {
		return DiagnosticCode.byId(issue.getCode()).orElseThrow(() -> new IllegalStateException(
				"an issue without a diagnostic code (" + issue.getCode() + "): " + issue.getMessage()));
	}
}
