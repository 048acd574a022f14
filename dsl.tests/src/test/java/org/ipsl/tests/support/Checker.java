package org.ipsl.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.CheckFailure;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;

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
		} catch (CheckFailure e) {
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

	public static Path examples() {
		return Path.of(System.getProperty("ipsl.examples", "../examples")).toAbsolutePath().normalize();
	}
}
