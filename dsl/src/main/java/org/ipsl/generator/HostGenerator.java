package org.ipsl.generator;

import java.util.List;

import org.ipsl.generator.plan.HostPlan;

/** One target: a host's plan in, that target's files out, or problems when it cannot express the host. */
public interface HostGenerator {

	Target target();

	/** How messages name the target with these options, e.g. "HP-UX IPSec A.02.00". */
	String describe(GenerateOptions options);

	/** The files; when {@code problems} gets any, the caller writes none of them. */
	List<GeneratedFile> generate(HostPlan host, GenerateOptions options, Problems problems);
}
