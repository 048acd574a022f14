package org.ipsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.PathFailure;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.formatting.SourceFormatter;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ipsl fmt [--check] PATH...}: the editor's formatting on the command line. */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = "Rewrite .ipsl files in the canonical layout, the one the editor's Format Document gives.%n"
		+ "A file with syntax errors is left as written. With --check nothing is written: what would "
		+ "change is printed as a unified diff.%n"
		+ "Exit 0: every file is (now) formatted; 1: with --check, a file would change, or a file has "
		+ "syntax errors; 2: usage or I/O failure.")
public class FmtCommand implements Callable<Integer> {
	/** Lines of unchanged text around each change in the diff, as diff -u prints. */
	private static final int CONTEXT = 3;

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "files, or folders whose .ipsl files are formatted")
	List<Path> paths;

	@Option(names = "--check", description = "change nothing; print what would change as a unified diff and exit 1 if anything would")
	boolean check;

	@Spec
	CommandSpec spec;

	/** A path named was missing or its folder unreadable: the run ends with exit 2, after the other files. */
	private boolean unreadable;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Path cwd = Path.of("").toAbsolutePath();
		SourceFormatter formatter = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(SourceFormatter.class);
		int exit = 0;
		for (Path file : files(err, cwd)) {
			String name = DiagnosticPrinter.relative(file, cwd);
			try {
				String text = WorkspaceChecker.readUtf8(file);
				Optional<String> formatted = formatter.format(text);
				if (formatted.isEmpty()) {
					err.println("ipsl: " + name + ": has syntax errors (ipsl check names them); left as written");
					exit = Math.max(exit, 1);
				} else if (!formatted.get().equals(text)) {
					if (check) {
						out.print(diff(name, text, formatted.get()));
						exit = Math.max(exit, 1);
					} else {
						replace(file, formatted.get());
						out.println("formatted " + name);
					}
				}
			} catch (PathFailure failure) {
				err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd) + ": " + failure.reason());
				exit = 2;
			}
		}
		if (unreadable)
			exit = 2;
		out.flush();
		err.flush();
		return exit;
	}

	/** Every file named and every .ipsl file below a folder named, once each; a missing path is reported. */
	private Set<Path> files(PrintWriter err, Path cwd) {
		Set<Path> files = new LinkedHashSet<>();
		for (Path path : paths) {
			Path absolute = path.toAbsolutePath().normalize();
			try {
				if (Files.isDirectory(absolute))
					files.addAll(WorkspaceChecker.ipslFiles(absolute));
				else if (Files.isRegularFile(absolute))
					files.add(absolute);
				else
					throw new PathFailure(path, "no such file or folder");
			} catch (PathFailure failure) {
				err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd) + ": " + failure.reason());
				unreadable = true;
			}
		}
		return files;
	}

	/** {@code --- name} / {@code +++ name (formatted)} and the hunks. */
	static String diff(String name, String before, String after) {
		List<String> old = before.lines().toList();
		List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(name, name + " (formatted)", old,
				DiffUtils.diff(old, after.lines().toList()), CONTEXT);
		StringBuilder text = new StringBuilder();
		lines.forEach(line -> text.append(line).append('\n'));
		return text.toString();
	}

	/**
	 * Replaces the file in one rename: a reader (or a crash) sees the old text or the new, never a
	 * part. The temporary file is created owner-only, since a policy may hold a preshared key, and
	 * then given the original's permissions.
	 */
	private static void replace(Path file, String text) throws PathFailure {
		Path target;
		try {
			target = file.toRealPath(); // a symbolic link stays one: the file it points to is replaced
		} catch (IOException e) {
			throw new PathFailure(file, "cannot resolve the path (" + e.getClass().getSimpleName() + ")");
		}
		Path folder = target.getParent();
		boolean posix = Files.getFileAttributeView(target, PosixFileAttributeView.class) != null;
		Path temporary = null;
		try {
			temporary = posix
					? Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp",
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
					: Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			if (posix)
				Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			throw new PathFailure(file, "cannot write the file (the file system cannot rename atomically)");
		} catch (IOException e) {
			throw new PathFailure(file, "cannot write the file (" + e.getClass().getSimpleName() + ")");
		} finally {
			try {
				if (temporary != null)
					Files.deleteIfExists(temporary);
			} catch (IOException e) {
				// the rename already happened, or the folder went away: nothing is left to clean
			}
		}
	}
}
