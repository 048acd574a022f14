package org.ipsl.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipsl.analysis.diff.PolicyDiff;
import org.ipsl.analysis.diff.RegionChange;
import org.ipsl.analysis.peers.PeerHost;
import org.ipsl.model.Action;
import org.ipsl.model.Rule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code ipsl diff} of one realistic host ({@link RuleSetGenerator}) against a new version of it:
 * the middle policy discards instead, and every tenth policy swaps places with the next (mostly
 * without effect). Fresh hosts each run, so their policy databases are built as regions each time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiffBenchmark {

	@Param({"1000", "10000"})
	public int rules;

	private List<Rule> before;
	private List<Rule> after;

	@Setup
	public void generate() {
		before = RuleSetGenerator.generate(20261127L, rules);
		List<Rule> changed = new ArrayList<>(before);
		Rule middle = changed.get(rules / 2);
		changed.set(rules / 2, new Rule(middle.name(), middle.priority(), middle.selector(),
				middle.action().equals(Action.DISCARD) ? Action.PASS : Action.DISCARD));
		for (int k = 0; k + 1 < rules; k += 10)
			Collections.swap(changed, k, k + 1);
		after = List.copyOf(changed);
	}

	@Benchmark
	public List<RegionChange> diff() {
		return PolicyDiff.changes(host(before), host(after));
	}

	private static PeerHost host(List<Rule> rules) {
		return new PeerHost("gw", List.of(), rules, Action.DISCARD, true, List.of(), true, List.of());
	}
}
