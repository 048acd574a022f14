package org.ipsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.ipsl.IpslStandaloneSetup;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.HpuxRelease;
import org.ipsl.generator.Target;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code ipsl generate PATH... --target T --out DIR [--hpux-release R] [--ike-version 1|2] [--force] [--allow-outside FOLDER]}. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write each host's configuration: one folder per host under --out.%n"
		+ "Nothing is written while the workspace has errors; a target that cannot express a host writes "
		+ "nothing for it.%n"
		+ "Exit 0: written; 1: errors (printed like ipsl check); 2: usage or I/O failure.")
public class GenerateCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders; a folder is one workspace")
	List<Path> paths;

	@Option(names = "--target", required = true, split = ",", paramLabel = "TARGET", description = "hpux (ipsec_config.batch, ipsec_config.sh), runtime (runtime.json), strongswan "
			+ "(swanctl.conf), xfrm (xfrm.sh) or all; several with commas or repeated")
	List<String> targetNames;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder that gets one folder per host")
	Path out;

	@Option(names = "--hpux-release", paramLabel = "RELEASE", converter = ReleaseConverter.class, description = "A.02.00 (default), A.02.01 or A.03.00")
	HpuxRelease release = HpuxRelease.DEFAULT;

	@Option(names = "--ike-version", paramLabel = "1|2", defaultValue = "1", converter = IkeVersionConverter.class, description = "the strongSwan target's IKE version (default ${DEFAULT-VALUE}: what HP-UX A.02 speaks)")
	int ikeVersion;

	@Option(names = "--force", description = "overwrite files that IPSL did not generate")
	boolean force;

	@Mixin
	AllowOutside allowOutside;

	@Spec
	CommandSpec spec;

	static class ReleaseConverter implements ITypeConverter<HpuxRelease> {
		@Override
		public HpuxRelease convert(String value) {
			return HpuxRelease.byKeyword(value).orElseThrow(() -> new TypeConversionException(
					"'" + value + "' is not an HP-UX IPSec release IPSL writes for: A.02.00, A.02.01 or A.03.00"));
		}
	}

	static class IkeVersionConverter implements ITypeConverter<Integer> {
		@Override
		public Integer convert(String value) {
			if (value.equals("1") || value.equals("2"))
				return Integer.valueOf(value);
			throw new TypeConversionException("'" + value + "' is not an IKE version: 1 or 2");
		}
	}

	private Set<Target> targets() {
		Set<Target> targets = EnumSet.noneOf(Target.class);
		for (String name : targetNames) {
			if (name.equals("all"))
				targets.addAll(EnumSet.allOf(Target.class));
			else
				targets.add(Target.byKeyword(name).orElseThrow(() -> new ParameterException(spec.commandLine(),
						"'" + name + "' is not a target: hpux, runtime, strongswan, xfrm or all")));
		}
		return targets;
	}

	@Override
	public Integer call() {
		Set<Target> targets = targets();
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		Generation generation = new IpslStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(Generation.class);
		Path cwd = Path.of("").toAbsolutePath();
		Generation.Result result = generation.run(new Generation.Request(paths, targets,
				new GenerateOptions(release, ikeVersion), out, force, null), LocalDate.now(ZoneOffset.UTC),
				allowOutside.folders());
		result.diagnostics().forEach(d -> stdout.println(DiagnosticPrinter.text(d, cwd)));
		result.written().forEach(p -> stdout.println("wrote " + DiagnosticPrinter.relative(p, cwd)));
		stdout.flush();
		Generation.Failure failure = result.failure();
		if (failure != null)
			err.println("ipsl: " + DiagnosticPrinter.relative(failure.path(), cwd)
					+ (failure.line() > 0 ? ":" + failure.line() + ":" + failure.column() : "") + ": "
					+ failure.reason()
					+ "; " + Generation.writtenBeforeFailure(result.written().size())
					+ (result.written().isEmpty() ? "" : " (listed above)"));
		else if (result.blocked())
			err.println("ipsl: nothing written: the workspace has errors");
		else if (result.hasErrors())
			err.println("ipsl: nothing written for a host and target with errors above; the rest is written");
		err.flush();
		return result.exitCode();
	}
}
