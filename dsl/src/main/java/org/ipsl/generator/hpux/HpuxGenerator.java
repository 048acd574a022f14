package org.ipsl.generator.hpux;

import java.util.List;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.GeneratedFile;
import org.ipsl.generator.Header;
import org.ipsl.generator.HostGenerator;
import org.ipsl.generator.StrongswanOnlyConstructs;
import org.ipsl.generator.Problems;
import org.ipsl.generator.Target;
import org.ipsl.generator.plan.HostPlan;

/** {@code ipsec_config.batch} and {@code ipsec_config.sh} for one HP-UX IPSec host. */
public final class HpuxGenerator implements HostGenerator {
	public static final String BATCH = "ipsec_config.batch", SCRIPT = "ipsec_config.sh";

	@Override
	public Target target() {
		return Target.HPUX;
	}

	@Override
	public String describe(GenerateOptions options) {
		return "HP-UX IPSec " + options.hpuxRelease().label();
	}

	@Override
	public List<GeneratedFile> generate(HostPlan host, GenerateOptions options, Problems problems) {
		if (StrongswanOnlyConstructs.refuse(host, problems, "HP-UX IPSec"))
			return List.of();
		HpuxCommands.Result result = HpuxCommands.of(host, new HpuxCapabilities(options.hpuxRelease()), problems);
		String header = Header.text(host.name(), describe(options));
		return List.of(new GeneratedFile(BATCH, HpuxScripts.batch(result.commands()), result.secret(), false, SCRIPT),
				new GeneratedFile(SCRIPT, HpuxScripts.script(header, result.notes()), false, true));
	}
}
