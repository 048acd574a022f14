package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Target;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden {@code xfrm.sh} applied by the real {@code ip} in a fresh network namespace: the
 * kernel then lists exactly the policies the script says. And traffic through two namespaces shows
 * that the policy with the first IPSL priority decides, whatever the order of the lines.
 */
class XfrmKernelTest {

	/** Before each test, not once for the class: JUnit reports a class-level skip as no test at all. */
	@BeforeEach
	void tools() {
		RealTools.require(RealTools.IP);
	}

	static Stream<Path> scripts() throws IOException {
		try (Stream<Path> walk = Files.walk(GeneratedWorkspaces.goldens())) {
			return walk.filter(p -> p.getFileName().toString().equals("xfrm.sh")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void kernelListsThePoliciesTheScriptSays(Path script) throws IOException {
		String text = Files.readString(script);
		List<String> expected = XfrmPolicies.fromScript(text);
		assertThat(expected).isNotEmpty();
		try (Netns netns = Netns.create()) {
			// A kernel without ESP or AH (real-tools.md §4) takes no manual SA: such a script cannot be tested
			// here. CI cannot install a kernel either, so this is a skip under CI=true too.
			Assumptions.assumeTrue(!text.contains("ip xfrm state ") || kernelHasEsp(netns),
					"the kernel has no ESP, so the manual SAs of " + script + " cannot be applied");
			netns.ok("sh", script.toString());
			assertThat(XfrmPolicies.fromKernel(netns.ok(RealTools.IP.toString(), "xfrm", "policy", "list").out()))
					.containsExactlyInAnyOrderElementsOf(expected);
			// the script updates in place, so it runs again after a change
			netns.ok("sh", script.toString());
			assertThat(XfrmPolicies.fromKernel(netns.ok(RealTools.IP.toString(), "xfrm", "policy", "list").out()))
					.hasSameSizeAs(expected);
		}
	}

	static boolean kernelHasEsp(Netns netns) {
		return netns.run(30, RealTools.IP.toString(), "xfrm", "state", "add", "src", "192.0.2.1", "dst", "192.0.2.2",
				"proto", "esp", "spi", "0x1000", "enc", "cbc(aes)", "0x00112233445566778899aabbccddeeff", "auth-trunc",
				"hmac(sha1)", "0x00112233445566778899aabbccddeeff00112233", "96").exit() == 0;
	}

	/**
	 * A at 192.0.2.1, B at 192.0.2.2. {@code telnet-lab} (discard, tcp port 9 to 192.0.2.0/30) and
	 * {@code protect-b} (protect, anything to 192.0.2.2) overlap on tcp port 9 to B: whichever has
	 * the first priority decides. {@code ssh-clear} passes tcp port 22 before both.
	 */
	private static String lab(int discardPriority, int protectPriority) {
		return """
				host a {
				    address 192.0.2.1
				    ike to-b priority 10 {
				        remote 192.0.2.2
				        authentication preshared "x8#Lq2!vR7@kT4$m"
				    }
				    policy ssh-clear priority 5 {
				        tcp from 192.0.2.1 to 192.0.2.2 port 22
				        pass
				    }
				    policy telnet-lab priority %d {
				        tcp from 192.0.2.1 to 192.0.2.0/30 port 9
				        discard
				    }
				    policy protect-b priority %d {
				        any from 192.0.2.1 to 192.0.2.2
				        protect esp-aes128-hmac-sha1
				    }
				    default pass
				}
				""".formatted(discardPriority, protectPriority);
	}

	@Test
	void theFirstPriorityDecides(@TempDir Path dir) throws IOException {
		Path discardFirst = GeneratedWorkspaces.generate(dir.resolve("discard-first"), Map.of("a.ipsl", lab(10, 20)),
				Target.XFRM, GenerateOptions.DEFAULT).resolve("a/xfrm.sh");
		Path protectFirst = GeneratedWorkspaces.generate(dir.resolve("protect-first"), Map.of("a.ipsl", lab(20, 10)),
				Target.XFRM, GenerateOptions.DEFAULT).resolve("a/xfrm.sh");
		try (Netns a = Netns.create(); Netns b = Netns.create()) {
			Netns.link(a, "192.0.2.1", b, "192.0.2.2");
			assertThat(connect(a, 9)).as("no policy yet: B refuses").isEqualTo(Outcome.REFUSED);

			a.ok("sh", discardFirst.toString());
			assertThat(connect(a, 9)).as("discard at 10 before protect at 20").isEqualTo(Outcome.NOT_PERMITTED);
			assertThat(connect(a, 10)).as("only protect-b selects port 10: no SA, no packet")
					.isEqualTo(Outcome.TIMEOUT);
			assertThat(connect(a, 22)).as("ssh-clear at 5 passes in clear").isEqualTo(Outcome.REFUSED);

			a.ok(RealTools.IP.toString(), "xfrm", "policy", "flush");
			a.ok("sh", protectFirst.toString());
			assertThat(connect(a, 9)).as("protect at 10 before discard at 20").isEqualTo(Outcome.TIMEOUT);
			assertThat(connect(a, 22)).as("ssh-clear at 5 still first").isEqualTo(Outcome.REFUSED);
		}
	}

	enum Outcome {
		/** the kernel's block policy: EPERM on connect */
		NOT_PERMITTED,
		/** the packet left and B answered with a reset: passed in clear */
		REFUSED,
		/** an ESP policy without an SA: the SYN never leaves */
		TIMEOUT
	}

	private static Outcome connect(Netns from, int port) {
		RealTools.Run run = from.run(30, "timeout", "2", "bash", "-c", "exec 3<>/dev/tcp/192.0.2.2/" + port);
		if (run.exit() == 124)
			return Outcome.TIMEOUT;
		if (run.err().contains("Operation not permitted"))
			return Outcome.NOT_PERMITTED;
		if (run.err().contains("Connection refused"))
			return Outcome.REFUSED;
		throw new AssertionError("unexpected outcome of a connection to port " + port + ": exit " + run.exit() + "\n"
				+ run.both());
	}
}
