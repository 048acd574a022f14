package org.ipsl.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.ipsl.check.Diagnostic;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer diagnostic on a block (an IKE policy, a policy) underlines its keyword and name only; the
 * whole block is its first related place.
 */
class PeerDiagnosticRangeTest {
	@TempDir
	Path dir;

	@Test
	void aBlockIsUnderlinedFromItsKeywordToItsNameAndRelatedWhole() throws Exception {
		List<Diagnostic> diagnostics = Checker.check(LspProcess.copyExample("peers", dir.resolve("peers")));
		// branches.ipsl line 6: `    ike to-hq priority 10 {`; line 42: `    policy hq-web priority 10 {`
		Diagnostic ike = find(diagnostics, "branches.ipsl", 6, "ike-proposal-mismatch");
		assertThat(List.of(ike.line(), ike.column(), ike.endLine(), ike.endColumn())).containsExactly(6, 5, 6, 14);
		assertThat(ike.related().get(0)).isEqualTo(new Diagnostic.Related(ike.file(), 6, 5, "the whole IKE policy"));
		Diagnostic policy = find(diagnostics, "branches.ipsl", 42, "transform-mismatch");
		assertThat(List.of(policy.line(), policy.column(), policy.endLine(), policy.endColumn()))
				.containsExactly(42, 5, 42, 18);
		assertThat(policy.related().get(0)).isEqualTo(new Diagnostic.Related(policy.file(), 42, 5, "the whole policy"));
		assertThat(diagnostics).allSatisfy(d -> assertThat(d.endLine()).as(d.toString()).isEqualTo(d.line()));
	}

	private static Diagnostic find(List<Diagnostic> diagnostics, String file, int line, String code) {
		return diagnostics.stream().filter(d -> d.file().getFileName().toString().equals(file) && d.line() == line
				&& d.code().id().equals(code)).findFirst().orElseThrow();
	}
}
