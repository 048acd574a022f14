package org.ipsl.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.PathFailure;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.Policy;
import org.ipsl.ast.Priorities;

import com.google.inject.Injector;

/** Runs the same checker as {@code ipsl check} over files written for a test. */
public final class Checker {
	private static final Injector INJECTOR = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration();
	public static final LocalDate DAY = LocalDate.of(2026, 11, 27);

	private Checker() {
	}

	public static Injector injector() {
		return INJECTOR;
	}

	public static List<Diagnostic> check(Path... paths) {
		try {
			return INJECTOR.getInstance(WorkspaceChecker.class).check(List.of(paths), DAY);
		} catch (PathFailure e) {
			throw new AssertionError(e.getMessage(), e);
		}
	}

	/** Writes {@code name -> text} files into {@code folder} and checks the folder as one workspace. */
	public static List<Diagnostic> checkFiles(Path folder, Map<String, String> files) {
		files.forEach((name, text) -> write(folder.resolve(name), text));
		return check(folder);
	}

	/** Checks one file's text in a fresh folder. */
	public static List<Diagnostic> checkText(Path folder, String text) {
		return checkFiles(folder, Map.of("test.ipsl", text));
	}

	public static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Copies a folder with everything in it (the target must not hold the same files yet). */
	public static void copyTree(Path from, Path to) {
		try (var paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path))
					Files.createDirectories(target);
				else
					Files.copy(path, target);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The effective priority of every policy of every host in {@code text} (checked in {@code folder}). */
	public static Map<String, Long> priorities(Path folder, String text) {
		write(folder.resolve("p.ipsl"), text);
		try {
			var workspace = INJECTOR.getInstance(WorkspaceChecker.class).load(List.of(folder), DAY).get(0);
			Map<String, Long> result = new TreeMap<>();
			for (var resource : workspace.reported().values())
				resource.getAllContents().forEachRemaining(o -> {
					if (o instanceof Host host)
						Priorities.of(host).forEach((member, priority) -> {
							if (member instanceof Policy p)
								result.put(p.getName(), priority);
						});
				});
			return result;
		} catch (PathFailure e) {
			throw new AssertionError(e.getMessage(), e);
		}
	}

	public static Path examples() {
		return Path.of(System.getProperty("ipsl.examples", "../examples")).toAbsolutePath().normalize();
	}
}
