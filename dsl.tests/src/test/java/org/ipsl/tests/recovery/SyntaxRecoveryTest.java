package org.ipsl.tests.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostMember;
import org.ipsl.ipsl.IkePolicy;
import org.ipsl.ipsl.ManualSa;
import org.ipsl.ipsl.Policy;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stray word typed on any line of the peers example's hq.ipsl: the parser recovers at the next
 * member, so hq keeps every policy, and no diagnostic appears that the unchanged workspace does not
 * have, except on the stray word's line and syntax errors in hq.ipsl. A host with a syntax error
 * takes no part in the ordering and peer analyses.
 */
class SyntaxRecoveryTest {
	@TempDir
	Path dir;

	@Test
	void aStrayWordOnAnyLineOfHqGivesNoDiagnosticAboutOtherPoliciesOrHosts() throws Exception {
		List<String> baseline = Checker.check(LspProcess.copyExample("peers", dir.resolve("baseline"))).stream()
				.map(SyntaxRecoveryTest::key).toList();
		int lines = BrokenPeers.hqText().split("\n", -1).length;
		for (int line = 0; line <= lines; line++) {
			int strayLine = line + 1;
			for (Diagnostic d : Checker.check(BrokenPeers.write(dir.resolve("at" + line), line))) {
				boolean inHq = d.file().getFileName().toString().equals("hq.ipsl");
				if (inHq && (d.line() == strayLine || d.code().id().equals("syntax")))
					continue;
				int shifted = inHq && d.line() > strayLine ? d.line() - 1 : d.line();
				assertThat(baseline).as("stray word after line %d of hq.ipsl: %s", line, d)
						.contains(d.file().getFileName() + ":" + shifted + ":" + d.code().id() + ":" + d.message());
			}
		}
	}

	@Test
	void theHostKeepsEveryMemberAfterTheStrayWord() throws Exception {
		List<String> members = members(LspProcess.copyExample("peers", dir.resolve("baseline")));
		assertThat(members).hasSize(11);
		int lines = BrokenPeers.hqText().split("\n", -1).length;
		for (int line = 0; line <= lines; line++)
			assertThat(members(BrokenPeers.write(dir.resolve("at" + line), line)))
					.as("stray word after line %d of hq.ipsl", line).isEqualTo(members);
	}

	@Test
	void aStrayTokenBetweenDeclarationsKeepsTheLaterDeclarations() throws Exception {
		List<Diagnostic> diagnostics = Checker.checkFiles(dir, Map.of("a.ipsl", """
				network lan = 10.1.0.0/16
				=
				host a {
				    address 10.1.0.1
				    policy p priority 10 {
				        any from lan to 10.9.9.9
				        pass
				    }
				    policy q priority 20 {
				        any from lan to 10.9.9.9
				        pass
				    }
				}
				"""));
		// Both policies do what the default does: the host was read whole past the stray `=` and analysed.
		assertThat(diagnostics).extracting(d -> d.code().id()).containsExactly("syntax", "policy-redundant",
				"policy-redundant");
		assertThat(diagnostics.get(0).line()).isEqualTo(2);
	}

	@Test
	void aHostWithASyntaxErrorIsNotJudgedForOrdering() throws Exception {
		List<Diagnostic> diagnostics = Checker.checkFiles(dir, Map.of("a.ipsl", """
				host a {
				    address 10.1.0.1
				    policy p priority 10 {
				        any from 10.1.0.1 to 10.9.9.9
				        pass
				        oops
				    }
				    policy q priority 20 {
				        any from 10.1.0.1 to 10.9.9.9
				        pass
				    }
				}
				"""));
		assertThat(diagnostics).extracting(d -> d.code().id()).containsExactly("syntax");
	}

	@Test
	void aTypoThatIsASyntaxErrorGetsNoLinkingDiagnosticOnTheSameWord() throws Exception {
		List<Diagnostic> diagnostics = Checker.checkFiles(dir, Map.of("a.ipsl", """
				network n = 10.0.0.0/8
				host h {
				    address 10.0.0.1
				    policy q priority 20 {
				        any from 10.0.0.1 too n
				        pass
				    }
				}
				"""));
		assertThat(diagnostics).isNotEmpty()
				.allSatisfy(d -> assertThat(d.code().id()).as(d.message()).isEqualTo("syntax"));
		assertThat(diagnostics.get(0).message()).isEqualTo("missing 'to' at 'too'");
	}

	private static String key(Diagnostic d) {
		return d.file().getFileName() + ":" + d.line() + ":" + d.code().id() + ":" + d.message();
	}

	/** hq's members as kind and name, in file order. */
	private static List<String> members(Path workspace) throws Exception {
		var loaded = Checker.injector().getInstance(WorkspaceChecker.class).load(List.of(workspace), Checker.DAY)
				.get(0);
		Resource hq = loaded.reported().get(workspace.resolve("hq.ipsl").toAbsolutePath().normalize());
		List<String> members = new ArrayList<>();
		for (EObject object : hq.getContents().get(0).eContents())
			if (object instanceof Host host)
				for (HostMember member : host.getMembers())
					members.add(member.eClass().getName() + " " + name(member));
		return members;
	}

	private static String name(HostMember member) {
		return member instanceof Policy p
				? p.getName()
				: member instanceof IkePolicy i ? i.getName() : member instanceof ManualSa m ? m.getName() : "";
	}
}
