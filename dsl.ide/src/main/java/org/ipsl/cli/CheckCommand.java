package org.ipsl.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.check.PathFailure;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.diagnostics.Severity;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ipsl check PATH... [--format text|json|sarif] [--at DATE] [--peers] [--allow-outside FOLDER]}. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Parse, link and analyse .ipsl files and print diagnostics like a compiler.%n"
		+ "Exit 0: clean or warnings only; 1: errors; 2: usage or I/O failure.")
public class CheckCommand implements Callable<Integer> {

	enum Format {
		text, json, sarif
	}

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders; a folder is one workspace")
	List<Path> paths;

	@Option(names = "--format", defaultValue = "text", description = "text, json or sarif (SARIF 2.1.0; default: ${DEFAULT-VALUE})")
	Format format;

	@Option(names = "--at", paramLabel = "DATE", converter = DayConverter.class, description = "judge certificate validity on this day (YYYY-MM-DD); default today")
	LocalDate at;

	@Option(names = "--peers", description = "also print the session table: one row per peer pair and direction, "
			+ "with its outcome, the proposal and transform chosen, and the HP-UX audit text of a failure")
	boolean peers;

	@Mixin
	AllowOutside allowOutside;

	@Spec
	CommandSpec spec;

	static class DayConverter implements ITypeConverter<LocalDate> {
		@Override
		public LocalDate convert(String value) {
			try {
				return LocalDate.parse(value);
			} catch (DateTimeParseException e) {
				throw new TypeConversionException("'" + value + "' is not a date: write YYYY-MM-DD, e.g. 2026-11-27");
			}
		}
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		WorkspaceChecker checker = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(WorkspaceChecker.class);
		Path cwd = Path.of("").toAbsolutePath();
		WorkspaceChecker.Report report;
		try {
			report = checker.report(paths, at != null ? at : LocalDate.now(ZoneOffset.UTC), allowOutside.folders());
		} catch (PathFailure failure) {
			err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd) + ": " + failure.reason());
			return 2;
		}
		List<Diagnostic> diagnostics = report.diagnostics();
		if (format == Format.json)
			out.println(peers
					? DiagnosticPrinter.json(diagnostics, report.sessions(), report.hosts(), cwd)
					: DiagnosticPrinter.json(diagnostics, cwd));
		else if (format == Format.sarif)
			out.println(new SarifReport(paths.stream().map(CheckCommand::folder).toList(),
					SarifReport.installedDocumentation()).json(diagnostics, peers ? report.sessions() : List.of(),
							IpslMain.class.getPackage().getImplementationVersion()));
		else {
			diagnostics.forEach(d -> out.println(DiagnosticPrinter.text(d, cwd)));
			if (peers) {
				if (!diagnostics.isEmpty())
					out.println();
				out.print(SessionTable.text(report.sessions()));
			}
		}
		out.flush();
		return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR) ? 1 : 0;
	}

	/** The workspace folder of a checked path: a folder itself, a file's folder. */
	private static Path folder(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return Files.isDirectory(absolute) ? absolute : absolute.getParent();
	}
}
