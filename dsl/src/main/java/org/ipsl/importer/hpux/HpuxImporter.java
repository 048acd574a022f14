package org.ipsl.importer.hpux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipsl.check.PathFailure;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.output.OutputWriter.Planned;
import org.ipsl.importer.Canonical;
import org.ipsl.importer.ImportProblem;
import org.ipsl.importer.ImportedWorkspace;
import org.ipsl.values.IpAddress;

import com.google.inject.Injector;

/**
 * {@code ipsl import hpux}: HP-UX IPSec {@code ipsec_config} batch files to an IPSL workspace, one
 * {@code HOST.ipsl} per batch file and each preshared secret in {@code secrets/HOST-AUTH.psk}. All
 * or nothing: with a problem nothing is written, unless {@code partial}, which writes what could be
 * read and expressed. Existing files are never overwritten.
 */
public final class HpuxImporter {
	/** @param addresses the host's addresses (only with one file); empty: those the batch shows as local */
	public record Request(List<Path> files, List<IpAddress> addresses, Path out, boolean partial) {
	}

	/**
	 * @param exitCode 0 written, 1 problems (nothing written, or with {@code partial} the rest
	 *                 written), 2 a file could not be read or written
	 * @param notes    what a user should know about the files written (none when nothing is)
	 * @param failure  the I/O failure behind exit code 2, or null
	 */
	public record Result(int exitCode, List<ImportProblem> problems, List<String> notes, List<Path> written,
			PathFailure failure) {
	}

	private final Canonical canonical;

	public HpuxImporter(Injector injector) {
		this.canonical = new Canonical(injector);
	}

	public Result run(Request request) {
		List<ImportProblem> problems = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		List<Planned> planned = new ArrayList<>();
		Map<String, Path> hosts = new HashMap<>();
		for (Path file : request.files()) {
			byte[] bytes;
			try {
				bytes = Files.readAllBytes(file);
			} catch (NoSuchFileException e) {
				return new Result(2, problems, notes, List.of(), new PathFailure(file, "no such file"));
			} catch (IOException e) {
				return new Result(2, problems, notes, List.of(),
						new PathFailure(file, "cannot read it (" + e.getClass().getSimpleName() + ")"));
			}
			BatchReader.Result read = BatchReader.read(file, bytes);
			problems.addAll(read.problems());
			if (read.lines().isEmpty() && !read.problems().isEmpty())
				continue;
			List<Command> commands = new ArrayList<>();
			for (BatchReader.Line line : read.lines()) {
				Object parsed = BatchSyntax.parse(file, line);
				if (parsed instanceof Command command)
					commands.add(command);
				else
					problems.add((ImportProblem) parsed);
			}
			String host = hostName(file);
			if (!canonical.validName(host)) {
				problems.add(new ImportProblem(file, 1, 1, "the host name '" + host + "' (from the file's name) is not "
						+ "an IPSL name: rename the file", false));
				continue;
			}
			if (hosts.putIfAbsent(host, file) != null) {
				problems.add(new ImportProblem(file, 1, 1, "host " + host + " comes from " + hosts.get(host)
						+ " too: one batch file per host", false));
				continue;
			}
			HostTranslator.Result result = HostTranslator.translate(file, host, commands, request.addresses(),
					canonical::validName);
			problems.addAll(result.problems());
			if (!result.text().contains("\naddress "))
				notes.add(file + ": host " + host + " has no address line: no policy has a single -source address, "
						+ "no tunnel a -tsource, no bypass entry (--address gives it)");
			Path folder = request.out();
			planned.add(new Planned(folder.resolve(host + ".ipsl"),
					new GeneratedFile(host + ".ipsl", canonical.format(result.text()), result.keys(), false)));
			result.secrets().forEach((name, secret) -> planned.add(ImportedWorkspace.secret(folder, name, secret)));
		}
		if (!problems.isEmpty() && !request.partial())
			return new Result(1, problems, List.of(), List.of(), null);
		List<Path> written = new ArrayList<>();
		PathFailure failure = ImportedWorkspace.write(planned, written);
		return new Result(failure != null ? 2 : problems.isEmpty() ? 0 : 1, problems, notes, written, failure);
	}

	/**
	 * The file's name without its extension, or its folder's name when the file is
	 * {@code ipsec_config.batch} (generate's layout: the batch file holds commands only).
	 */
	static String hostName(Path file) {
		Path name = file.toAbsolutePath().normalize().getFileName();
		String stem = name == null ? "" : name.toString().replaceFirst("\\.[^.]*$", "");
		Path parent = file.toAbsolutePath().normalize().getParent();
		if (stem.equals("ipsec_config") && parent != null && parent.getFileName() != null)
			return parent.getFileName().toString();
		return stem;
	}
}
