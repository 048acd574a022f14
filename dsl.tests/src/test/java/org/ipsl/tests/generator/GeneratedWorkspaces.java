package org.ipsl.tests.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.ipsl.tests.support.Checker;

/** Runs the generator in-process, as {@code ipsl generate} does, and reads back what it wrote. */
public final class GeneratedWorkspaces {
	public static final Set<Target> ALL = EnumSet.allOf(Target.class);

	private GeneratedWorkspaces() {
	}

	public static Generation.Result run(Path workspace, Set<Target> targets, GenerateOptions options, Path out) {
		return Checker.injector().getInstance(Generation.class)
				.run(new Generation.Request(List.of(workspace), targets, options, out, false, null), Checker.DAY);
	}

	/** Every file under {@code folder} by its path relative to it, with {@code /} separators. */
	public static Map<String, String> files(Path folder) {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder))
			return files;
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList())
				files.put(folder.relativize(file).toString().replace('\\', '/'),
						Files.readString(file, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files;
	}

	/** Writes {@code name -> text} files into a fresh workspace folder. */
	public static Path workspace(Path folder, Map<String, String> files) {
		files.forEach((name, text) -> Checker.write(folder.resolve(name), text));
		return folder;
	}

	/**
	 * Writes the files into {@code folder}/workspace, generates one target into {@code folder}/out
	 * and returns that output folder; fails unless generation succeeds.
	 */
	public static Path generate(Path folder, Map<String, String> files, Target target, GenerateOptions options) {
		Path out = folder.resolve("out");
		Generation.Result result = run(workspace(folder.resolve("workspace"), files), EnumSet.of(target), options, out);
		if (result.exitCode() != 0)
			throw new AssertionError("generation failed: " + result);
		return out;
	}

	public static Path fixtures() {
		return Path.of(System.getProperty("ipsl.generateFixtures", "src/test/resources/generate")).toAbsolutePath()
				.normalize();
	}

	public static Path goldens() {
		return Path.of(System.getProperty("ipsl.golden", "src/test/resources/golden")).toAbsolutePath().normalize();
	}
}
