package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.ipsl.resource.IpslResource;
import org.ipsl.tests.support.Checker;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.incremental.IpslDiagnostician;
import org.junit.jupiter.api.Test;

/**
 * A policy's kept check results ({@link IpslDiagnostician}) are not given again once what the
 * checks read changed: a network it names changing family in the same file or in another one, or
 * its elements replaced by an edit and restored (the diagnostics must be on the elements the file
 * holds now). Nor is a policy's kept rule (the analyses' model of it, {@code HostRules}) once what
 * it was built from changed and its text did not: the addresses of a network it names, the
 * transforms of a transform-set it names, its priority when an earlier policy's implies it (a
 * change in another file reloads the file, as in the server's build).
 */
class PolicyCheckResultsTest {
	private static final String NETWORK_V4 = "network far = 10.9.0.0/16\n";
	private static final String NETWORK_V6 = "network far = 2001:db8::/32\n";
	private static final String HOST = """
			host gw {
			    address 10.0.0.1
			    policy out priority 10 {
			        tcp from 10.0.0.1 to far port 80
			        discard
			    }
			    policy bad priority 20 {
			        tcp from 10.0.0.1 to 10.2.0.0/16 port 99999
			        discard
			    }
			}
			""";
	private static final String FAMILIES = "addresses of two families";

	@Test
	void aNamedNetworkChangingFamilyInTheSameFileIsSeen() {
		XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(resourceSet, "a.ipsl", NETWORK_V4 + HOST);
		assertThat(messages(file)).noneMatch(m -> m.contains(FAMILIES));
		file.reparseTo(NETWORK_V6 + HOST);
		assertThat(messages(file)).anyMatch(m -> m.contains(FAMILIES));
		file.reparseTo(NETWORK_V4 + HOST);
		assertThat(messages(file)).noneMatch(m -> m.contains(FAMILIES));
	}

	@Test
	void aNamedNetworkChangingFamilyInAnotherFileIsSeen() {
		XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
		IpslResource networks = (IpslResource) ReparsePropertiesTest.load(resourceSet, "networks.ipsl", NETWORK_V4);
		Resource host = ReparsePropertiesTest.load(resourceSet, "host.ipsl", HOST);
		assertThat(messages(host)).noneMatch(m -> m.contains(FAMILIES));
		networks.reparseTo(NETWORK_V6);
		assertThat(messages(host)).anyMatch(m -> m.contains(FAMILIES));
	}

	@Test
	void diagnosticsAreOnTheElementsTheFileHoldsAfterAnEditIsUndone() {
		XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(resourceSet, "a.ipsl", NETWORK_V4 + HOST);
		List<String> before = messages(file);
		assertThat(before).anyMatch(m -> m.contains("99999"));
		file.reparseTo(NETWORK_V4 + HOST.replace("99999", "9999"));
		assertThat(messages(file)).noneMatch(m -> m.contains("99999"));
		file.reparseTo(NETWORK_V4 + HOST);
		assertThat(messages(file)).isEqualTo(before);
		for (Issue issue : issues(file)) {
			EObject problem = file.getEObject(issue.getUriToProblem().fragment());
			assertThat(problem).as(issue.getMessage()).isNotNull();
			assertThat(problem.eResource()).as(issue.getMessage()).isSameAs(file);
		}
	}

	private static final String WIDE_AND_NARROW = """
			host gw {
			    address 10.0.0.1
			    policy wide priority 10 {
			        tcp from 10.0.0.1 to 10.9.0.0/16
			        discard
			    }
			    policy narrow priority 20 {
			        tcp from 10.0.0.1 to far port 80
			        discard
			    }
			}
			""";

	@Test
	void aNamedNetworkChangingAddressesInTheSameFileIsSeen() {
		assertDiagnosticsOfAFreshLoadAfterEach(List.of(NETWORK_V4 + WIDE_AND_NARROW,
				NETWORK_V4.replace("10.9.", "10.8.") + WIDE_AND_NARROW, NETWORK_V4 + WIDE_AND_NARROW),
				DiagnosticCode.POLICY_REDUNDANT.id());
	}

	@Test
	void aNamedTransformSetChangingItsTransformsIsSeen() {
		String host = """
				host gw {
				    address 10.0.0.1
				    policy first priority 10 {
				        tcp from 10.0.0.1 to 10.9.0.0/16
				        protect esp-aes128-hmac-sha1
				    }
				    policy second priority 20 {
				        tcp from 10.0.0.1 to 10.9.0.0/16 port 80
				        protect corp
				    }
				}
				""";
		String same = "transform-set corp = esp-aes128-hmac-sha1\n",
				other = "transform-set corp = esp-3des-hmac-sha1\n";
		assertDiagnosticsOfAFreshLoadAfterEach(List.of(other + host, same + host, other + host),
				DiagnosticCode.POLICY_SHADOWED.id());
	}

	@Test
	void aPriorityImpliedByAnEarlierPolicysIsSeen() {
		String host = """
				host gw {
				    address 10.0.0.1
				    policy first priority 10 {
				        udp from 10.0.0.1 to 10.9.0.0/16
				        discard
				    }
				    policy wide {
				        tcp from 10.0.0.1 to 10.9.0.0/16
				        pass
				    }
				    policy narrow {
				        tcp from 10.0.0.1 to 10.9.0.0/16 port 80
				        discard
				    }
				}
				""";
		assertDiagnosticsOfAFreshLoadAfterEach(List.of(host, host.replace("priority 10", "priority 100"), host),
				"(priority 20)");
	}

	/**
	 * Brings one file to each text in turn: it has the diagnostics of a fresh load of the text each
	 * time, and whether one holds {@code changing} goes from yes to no and back (so a kept result
	 * from the first text would be wrong for the second).
	 */
	private static void assertDiagnosticsOfAFreshLoadAfterEach(List<String> texts, String changing) {
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(ReparsePropertiesTest.resourceSet(), "a.ipsl",
				texts.get(0));
		List<Boolean> seen = new ArrayList<>();
		for (String text : texts) {
			file.reparseTo(text);
			List<String> issues = ReparsePropertiesTest.issues(file);
			assertThat(issues).as(text).isEqualTo(ReparsePropertiesTest
					.issues(ReparsePropertiesTest.load(ReparsePropertiesTest.resourceSet(), "a.ipsl", text)));
			seen.add(issues.stream().anyMatch(i -> i.contains(changing)));
		}
		assertThat(seen).as("whether a diagnostic holds %s", changing).containsExactly(true, false, true);
	}

	private static List<Issue> issues(Resource resource) {
		return Checker.injector().getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
	}

	private static List<String> messages(Resource resource) {
		return issues(resource).stream().map(i -> i.getLineNumber() + ":" + i.getColumn() + " " + i.getMessage())
				.toList();
	}
}
