package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipsl.catalog.proposal.AlgorithmKind;
import org.ipsl.catalog.proposal.Proposal;
import org.ipsl.catalog.proposal.SaProtocol;
import org.ipsl.generator.GenerateOptions;
import org.ipsl.generator.Generation;
import org.ipsl.generator.Target;
import org.ipsl.tests.generator.GeneratedWorkspaces;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site-to-site example as `ipsl generate --target strongswan` writes it, in two real charons
 * with userspace ESP (kernel-libipsec, real-tools.md §3b): the IKE_SA is established and the
 * tunnel's CHILD_SA installed with the first proposals the generator wrote, and a ping from a host
 * behind one gateway reaches a host behind the other through the tunnel, and only through it.
 *
 * <pre>
 * host-a 10.1.2.2 ── 10.1.2.1 alpha 10.1.1.10 ══ 10.2.2.20 beta 10.2.3.1 ── 10.2.3.2 host-b
 * </pre>
 * Each namespace knows only its neighbours: the gateways route neither site to the other, so a
 * ping between the hosts can only cross the TUN device charon routes the remote site into.
 */
class TunnelTrafficTest {
	private static final String HOST_A = "10.1.2.2", GATEWAY_A = "10.1.2.1", HOST_B = "10.2.3.2",
			GATEWAY_B = "10.2.3.1";
	private static final int PINGS = 3;

	@BeforeEach
	void tools() {
		RealTools.require(RealTools.IP, RealTools.SWANCTL, RealTools.CHARON, RealTools.UNSHARE, RealTools.PING,
				RealTools.KERNEL_LIBIPSEC, RealTools.TUN);
	}

	@Test
	void siteToSiteCarriesAPingThroughTheTunnel(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		Generation.Result result = GeneratedWorkspaces.run(Checker.examples().resolve("site-to-site"),
				EnumSet.of(Target.STRONGSWAN), GenerateOptions.DEFAULT, out);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		SwanctlConf alpha = SwanctlConf.read(out.resolve("alpha/swanctl.conf"));
		SwanctlConf beta = SwanctlConf.read(out.resolve("beta/swanctl.conf"));
		// the hosts sit inside the sites the tunnel joins
		assertThat(alpha.child("sites", "local_ts")).isEqualTo("10.1.0.0/16");
		assertThat(alpha.child("sites", "remote_ts")).isEqualTo("10.2.0.0/16");

		try (Netns gwA = Netns.create();
				Netns gwB = Netns.create();
				Netns hostA = Netns.create();
				Netns hostB = Netns.create()) {
			Netns.link(gwA, alpha.connection("local_addrs"), gwB, beta.connection("local_addrs"));
			Netns.link(hostA, HOST_A, gwA, GATEWAY_A);
			Netns.link(hostB, HOST_B, gwB, GATEWAY_B);
			hostA.route("10.2.0.0/16", GATEWAY_A);
			hostB.route("10.1.0.0/16", GATEWAY_B);
			gwA.forward();
			gwB.forward();
			// without the tunnel, host-b is out of reach
			assertThat(ping(hostA, HOST_B, 1).exit()).isNotZero();

			try (Charon a = Charon.startWithUserspaceEsp(gwA, dir.resolve("alpha"));
					Charon b = Charon.startWithUserspaceEsp(gwB, dir.resolve("beta"))) {
				assertThat(a.load(out.resolve("alpha/swanctl.conf")).exit()).isZero();
				assertThat(b.load(out.resolve("beta/swanctl.conf")).exit()).isZero();
				RealTools.Run initiate = a.swanctl("--initiate", "--child", "sites", "--timeout", "20");
				assertThat(initiate.exit()).as("initiate\n" + initiate.both() + a.log() + b.log()).isZero();

				ListedSa initiator = only(a.listSas(), "to-beta"), responder = only(b.listSas(), "to-alpha");
				assertThat(initiator.values()).containsEntry("state", "ESTABLISHED").containsEntry("version", "1")
						.containsEntry("initiator", "yes");
				assertThat(responder.values()).containsEntry("state", "ESTABLISHED").doesNotContainKey("initiator");
				// both offer the same lists, so the first proposal of each is chosen
				Map<String, String> ike = listed(firstProposal(SaProtocol.IKE, alpha.connection("proposals")));
				Map<String, String> esp = listed(firstProposal(SaProtocol.ESP, alpha.child("sites", "esp_proposals")));
				assertThat(ike).containsKeys("encr-alg", "integ-alg", "prf-alg", "dh-group");
				assertThat(initiator.values()).containsAllEntriesOf(ike);
				assertThat(responder.values()).containsAllEntriesOf(ike);
				ListedSa out1 = initiator.child("sites"), in1 = responder.child("sites");
				for (ListedSa child : List.of(out1, in1))
					assertThat(child.values()).containsEntry("state", "INSTALLED").containsEntry("mode", "TUNNEL")
							.containsEntry("protocol", "ESP").containsAllEntriesOf(esp);
				assertThat(out1.values()).containsEntry("local-ts", "[10.1.0.0/16]").containsEntry("remote-ts",
						"[10.2.0.0/16]");
				assertThat(in1.values()).containsEntry("local-ts", "[10.2.0.0/16]").containsEntry("remote-ts",
						"[10.1.0.0/16]");

				RealTools.Run ping = ping(hostA, HOST_B, PINGS);
				assertThat(ping.exit()).as(ping.both()).isZero();
				assertThat(ping.out()).contains(PINGS + " packets transmitted, " + PINGS + " received");
				// every echo went out through alpha's CHILD_SA and came in through beta's
				ListedSa sent = only(a.listSas(), "to-beta").child("sites");
				ListedSa received = only(b.listSas(), "to-alpha").child("sites");
				assertThat(Integer.parseInt(sent.get("packets-out"))).isGreaterThanOrEqualTo(PINGS);
				assertThat(Integer.parseInt(received.get("packets-in"))).isGreaterThanOrEqualTo(PINGS);
				assertThat(Integer.parseInt(received.get("packets-out"))).isGreaterThanOrEqualTo(PINGS);
			}
		}
	}

	private static Proposal firstProposal(SaProtocol protocol, String proposals) {
		return Proposal.parse(protocol, proposals.split(",")[0].strip());
	}

	/** A proposal's first algorithm of each kind, by the key and in the spelling swanctl --list-sas --raw uses. */
	private static Map<String, String> listed(Proposal proposal) {
		Map<String, String> values = new LinkedHashMap<>();
		proposal.first(AlgorithmKind.ENCRYPTION).ifPresent(c -> {
			values.put("encr-alg", c.algorithm().swanName());
			if (c.keySize() > 0)
				values.put("encr-keysize", String.valueOf(c.keySize()));
		});
		proposal.first(AlgorithmKind.INTEGRITY).ifPresent(c -> values.put("integ-alg", c.algorithm().swanName()));
		proposal.first(AlgorithmKind.PRF).ifPresent(c -> values.put("prf-alg", c.algorithm().swanName()));
		proposal.first(AlgorithmKind.KEY_EXCHANGE).ifPresent(c -> values.put("dh-group", c.algorithm().swanName()));
		return values;
	}

	private static RealTools.Run ping(Netns from, String to, int count) {
		return from.run(30, RealTools.PING.toString(), "-c", String.valueOf(count), "-i", "0.2", "-W", "2", to);
	}

	private static ListedSa only(List<ListedSa> sas, String name) {
		assertThat(sas).as("IKE_SAs").extracting(ListedSa::name).containsExactly(name);
		return sas.get(0);
	}
}
