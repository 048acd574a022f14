package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A real-tools test that cannot do its whole work here is reported as skipped, with the reason,
 * never as passed nor as no test at all: each golden xfrm.sh with manual SAs on a kernel without
 * ESP, and each strongSwan test without strongSwan.
 */
class RealToolsReportTest {

	@Test
	void aScriptTheKernelCannotTakeIsSkippedWithTheReasonAndTheOthersPass() throws IOException {
		RealTools.require(RealTools.IP);
		boolean esp;
		try (Netns netns = Netns.create()) {
			esp = XfrmKernelTest.kernelHasEsp(netns);
		}
		Map<String, TestExecutionResult> results = run(XfrmKernelTest.class, "kernelListsThePoliciesTheScriptSays");
		assertThat(results).isNotEmpty();
		int withSas = 0;
		for (Map.Entry<String, TestExecutionResult> result : results.entrySet()) {
			boolean sas = Files.readString(Path.of(result.getKey())).contains("ip xfrm state ");
			withSas += sas ? 1 : 0;
			if (sas && !esp) {
				assertThat(result.getValue().getStatus()).as(result.getKey())
						.isEqualTo(TestExecutionResult.Status.ABORTED);
				assertThat(result.getValue().getThrowable())
						.hasValueSatisfying(reason -> assertThat(reason).hasMessageContaining("the kernel has no ESP"));
			} else
				assertThat(result.getValue().getStatus()).as(result.getKey() + ": " + result.getValue())
						.isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		}
		assertThat(withSas).as("golden scripts with manual SAs").isPositive();
	}

	/**
	 * Each test of a class whose tools are missing is reported skipped with the reason, not the class
	 * as no test at all; with the tools, each passes.
	 */
	@Test
	void eachTestWhoseToolsAreMissingIsSkippedWithTheReason() {
		Map<String, TestExecutionResult> results = run(SwanctlTest.class, "");
		assertThat(results).hasSizeGreaterThan(2);
		for (Map.Entry<String, TestExecutionResult> result : results.entrySet())
			if (result.getValue().getStatus() == TestExecutionResult.Status.ABORTED)
				assertThat(result.getValue().getThrowable()).hasValueSatisfying(
						reason -> assertThat(reason).hasMessageContaining("real-tools test not run: missing"));
			else
				assertThat(result.getValue().getStatus()).as(result.getKey() + ": " + result.getValue())
						.isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
	}

	/** The results of the tests of {@code testClass} whose unique id contains {@code method}, by display name. */
	private static Map<String, TestExecutionResult> run(Class<?> testClass, String method) {
		Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
		LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
				.selectors(selectClass(testClass)).filters(EngineFilter.includeEngines("junit-jupiter")).build(),
				new TestExecutionListener() {
					@Override
					public void executionFinished(TestIdentifier test, TestExecutionResult result) {
						if (test.isTest() && test.getUniqueId().contains(method))
							results.put(test.getDisplayName(), result);
					}
				});
		return results;
	}
}
