package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.ipsl.analysis.peers.Outcome;
import org.ipsl.analysis.peers.Session;
import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeSuite;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Target;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.runtime.config.RuntimeConfigJson;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated swanctl.conf files in a real charon (strongSwan 5.9, real-tools.md §3): every golden
 * one loads without a complaint, and the site-to-site pair, each in its own namespace joined by a
 * veth pair with the hosts' addresses, establishes IKE on the first proposal both offer. Two hosts
 * that share no proposal fail to, as the checker predicts.
 */
class SwanctlTest {

	/** Before each test, not once for the class: JUnit reports a class-level skip as no test at all. */
	@BeforeEach
	void tools() {
		RealTools.require(RealTools.IP, RealTools.SWANCTL, RealTools.CHARON, RealTools.UNSHARE);
	}

	static Stream<Path> configs() throws IOException {
		try (Stream<Path> walk = Files.walk(GeneratedWorkspaces.goldens())) {
			return walk.filter(p -> p.getFileName().toString().equals("swanctl.conf")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("configs")
	void loadsWithoutComplaint(Path config, @TempDir Path dir) throws Exception {
		try (Netns netns = Netns.create(); Charon charon = Charon.start(netns, dir)) {
			RealTools.Run load = charon.load(config);
			assertThat(load.both().lines()).as("swanctl --load-all output").noneMatch(
					l -> l.contains("failed") || l.contains("invalid") || l.contains("unknown option"));
			assertThat(load.both()).contains("successfully loaded");
			assertThat(load.exit()).isZero();
			assertThat(charon.log().lines()).as("charon log").noneMatch(
					l -> l.contains("invalid") || l.contains("unknown option"));
		}
	}

	@Test
	void siteToSiteEstablishesIkeOnTheFirstCommonProposal(@TempDir Path dir) throws Exception {
		Path golden = GeneratedWorkspaces.goldens().resolve("site-to-site");
		String selected = establish(dir, golden.resolve("alpha/swanctl.conf"), "10.1.1.10",
				golden.resolve("beta/swanctl.conf"), "10.2.2.20", "to-beta", true);
		// alpha initiates: charon selects what `ipsl check --peers` predicts for alpha -> beta
		Session predicted = session("site-to-site", "alpha", "beta");
		assertThat(predicted.outcome()).isEqualTo(Outcome.ESTABLISHED);
		IkeSuite expected = IkeSuite.parse(predicted.proposal()).orElseThrow();
		assertThat(selected).isEqualTo("IKE:" + strongswanName(expected));
		// and the first of alpha's proposals that beta offers too, read from the generated runtime.json
		assertThat(firstCommon(proposals(golden.resolve("alpha/runtime.json")),
				proposals(golden.resolve("beta/runtime.json")))).contains(expected);
	}

	/** The peers example's hq and b1: hq offers only aes256-sha256-modp2048, b1 only 3des-md5-modp1024. */
	@Test
	void hostsWithoutACommonProposalFailToNegotiate(@TempDir Path dir) throws Exception {
		Path hq = GeneratedWorkspaces.generate(dir.resolve("hq"), Map.of("hq.ipsl", """
				host hq {
				    address 10.0.0.1
				    ike to-b1 priority 10 {
				        remote 10.0.1.1
				        proposals aes256-sha256-modp2048
				        authentication preshared "pN7#qL2!vX9@kR4$"
				    }
				    policy b1-all priority 10 {
				        any from 10.0.0.1 to 10.0.1.1
				        protect esp-aes128-hmac-sha1
				    }
				}
				"""), Target.STRONGSWAN, GenerateOptions.DEFAULT);
		Path b1 = GeneratedWorkspaces.generate(dir.resolve("b1"), Map.of("b1.ipsl", """
				host b1 {
				    address 10.0.1.1
				    ike to-hq priority 10 {
				        remote 10.0.0.1
				        proposals 3des-md5-modp1024
				        authentication preshared "pN7#qL2!vX9@kR4$"
				    }
				    policy hq-all priority 10 {
				        any from 10.0.1.1 to 10.0.0.1
				        protect esp-aes128-hmac-sha1
				    }
				}
				"""), Target.STRONGSWAN, GenerateOptions.DEFAULT);
		assertThat(firstCommon(List.of("aes256-sha256-modp2048"), List.of("3des-md5-modp1024"))).isEmpty();
		// the peers example's own prediction for this pair
		assertThat(session("peers", "hq", "b1").outcome()).isEqualTo(Outcome.IKE_PHASE1_FAILED);
		String outcome = establish(dir, hq.resolve("hq/swanctl.conf"), "10.0.0.1", b1.resolve("b1/swanctl.conf"),
				"10.0.1.1", "to-b1", false);
		assertThat(outcome).contains("NO_PROPOSAL_CHOSEN");
	}

	/**
	 * Runs two charons joined by a veth pair and initiates from the first. When {@code succeeds},
	 * returns the initiator's selected IKE proposal; otherwise asserts the failure and returns both logs.
	 */
	private static String establish(Path dir, Path initiatorConf, String initiatorAddress, Path responderConf,
			String responderAddress, String connection, boolean succeeds) throws Exception {
		try (Netns a = Netns.create(); Netns b = Netns.create()) {
			Netns.link(a, initiatorAddress, b, responderAddress);
			try (Charon initiator = Charon.start(a, dir.resolve("initiator"));
					Charon responder = Charon.start(b, dir.resolve("responder"))) {
				assertThat(initiator.load(initiatorConf).exit()).isZero();
				assertThat(responder.load(responderConf).exit()).isZero();
				RealTools.Run initiate = initiator.swanctl("--initiate", "--ike", connection, "--timeout", "20");
				String logs = initiator.log() + responder.log();
				if (!succeeds) {
					assertThat(initiate.exit()).as("initiate\n" + initiate.both()).isNotZero();
					return initiate.both() + logs;
				}
				assertThat(initiate.exit()).as("initiate\n" + initiate.both() + "\n" + logs).isZero();
				assertThat(initiate.both()).contains("IKE_SA " + connection + "[1] established");
				return initiator.log().lines().filter(l -> l.contains("selected proposal: "))
						.map(l -> l.substring(l.indexOf("selected proposal: ") + "selected proposal: ".length()).trim())
						.findFirst().orElseThrow(() -> new AssertionError("no selected proposal in\n" + logs));
			}
		}
	}

	/** The session table's row for one direction of an example workspace. */
	private static Session session(String example, String initiator, String responder) throws Exception {
		return Checker.injector().getInstance(WorkspaceChecker.class)
				.report(List.of(Checker.examples().resolve(example)), Checker.DAY).sessions().stream()
				.filter(s -> s.initiator().equals(initiator) && s.responder().equals(responder)).findFirst()
				.orElseThrow(() -> new AssertionError("no session " + initiator + " -> " + responder));
	}

	private static Optional<IkeSuite> firstCommon(List<String> initiator, List<String> responder) {
		return initiator.stream().filter(responder::contains).findFirst().map(s -> IkeSuite.parse(s).orElseThrow());
	}

	/** The first IKE policy's proposals, as suite names. */
	private static List<String> proposals(Path runtimeJson) throws IOException {
		return RuntimeConfigJson.read(runtimeJson).ikePolicies().get(0).proposals().stream()
				.map(p -> p.encryption() + "-" + p.hash() + "-" + group(p.group()).keyword()).toList();
	}

	private static DhGroup group(int number) {
		return java.util.Arrays.stream(DhGroup.values()).filter(g -> g.number() == number).findFirst().orElseThrow();
	}

	/** How charon logs a suite: cipher, integrity, PRF, group. */
	private static String strongswanName(IkeSuite suite) {
		String cipher = switch (suite.encryption()) {
			case DES -> "DES_CBC";
			case TRIPLE_DES -> "3DES_CBC";
			case AES128 -> "AES_CBC_128";
			case AES192 -> "AES_CBC_192";
			case AES256 -> "AES_CBC_256";
		};
		String hash = switch (suite.hash()) {
			case MD5 -> "HMAC_MD5_96/PRF_HMAC_MD5";
			case SHA1 -> "HMAC_SHA1_96/PRF_HMAC_SHA1";
			case SHA256 -> "HMAC_SHA2_256_128/PRF_HMAC_SHA2_256";
			case SHA384 -> "HMAC_SHA2_384_192/PRF_HMAC_SHA2_384";
			case SHA512 -> "HMAC_SHA2_512_256/PRF_HMAC_SHA2_512";
		};
		String group = suite.group().keyword().startsWith("modp")
				? "MODP_" + suite.group().keyword().substring(4)
				: "ECP_" + suite.group().keyword().substring(3);
		return cipher + "/" + hash + "/" + group;
	}
}
