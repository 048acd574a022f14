package org.ipsl.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.runtime.host.HostConfigs.ALPHA;
import static org.ipsl.runtime.host.HostConfigs.ALPHA_BYPASS;
import static org.ipsl.runtime.host.HostConfigs.BETA;
import static org.ipsl.runtime.host.HostConfigs.tcp;

import java.util.ArrayList;
import java.util.List;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.spd.Flow;
import org.junit.jupiter.api.Test;

/** Two hosts exchanging packets through their SPDs, caches and SADs, as HP-UX processes them. */
class IpsecHostTest {

	private final MutableClock clock = new MutableClock();
	private final List<String> alphaAudit = new ArrayList<>();
	private final List<String> betaAudit = new ArrayList<>();

	private IpsecHost alpha() throws RuntimeConfigException {
		return IpsecHost.start(HostConfigs.alpha(), "alpha.json",
				HostOptions.defaults().withClock(clock).withAuditSink(alphaAudit::add));
	}

	private IpsecHost beta() throws RuntimeConfigException {
		return IpsecHost.start(HostConfigs.beta(), "beta.json",
				HostOptions.defaults().withClock(clock).withAuditSink(betaAudit::add));
	}

	@Test
	void aManualSaProtectsSshBothWaysAndTheSecondPacketIsDecidedByTheCache() throws RuntimeConfigException {
		IpsecHost alpha = alpha();
		IpsecHost beta = beta();
		byte[] request = tcp(ALPHA, 40000, BETA, 22);

		SendResult first = alpha.send(request);
		assertThat(first).isInstanceOf(SendResult.Protected.class);
		SendResult.Protected sent = (SendResult.Protected) first;
		assertThat(sent.decision().route()).isEqualTo(Decision.Route.SPD);
		assertThat(sent.decision().policy().orElseThrow().name()).isEqualTo("ssh");
		assertThat(sent.packet()[9]).isEqualTo((byte) 50);

		ReceiveResult received = beta.receive(sent.packet());
		assertThat(received).isInstanceOf(ReceiveResult.Delivered.class);
		ReceiveResult.Delivered delivered = (ReceiveResult.Delivered) received;
		assertThat(delivered.packet()).isEqualTo(request);
		assertThat(delivered.decision().policy().orElseThrow().name()).isEqualTo("ssh-back");
		assertThat(delivered.sas()).singleElement().satisfies(sa -> assertThat(sa.spec().spi()).isEqualTo(2_600_001));

		SendResult.Protected reply = (SendResult.Protected) beta.send(tcp(BETA, 22, ALPHA, 40000));
		assertThat(alpha.receive(reply.packet())).isInstanceOf(ReceiveResult.Delivered.class);

		SendResult second = alpha.send(request);
		assertThat(((SendResult.Protected) second).decision().route()).isEqualTo(Decision.Route.CACHE);
		assertThat(alpha.cacheEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.packets()).isEqualTo(2);
			assertThat(entry.cookie()).isEqualTo(2);
			assertThat(entry.direction()).isEqualTo(Direction.OUTBOUND);
			assertThat(alpha.sasOf(entry)).singleElement()
					.satisfies(sa -> assertThat(sa.spec().spi()).isEqualTo(2_600_001));
		});
		assertThat(beta.cacheEntries()).as("protected inbound packets are never cached").hasSize(1)
				.allSatisfy(entry -> assertThat(entry.direction()).isEqualTo(Direction.OUTBOUND));
	}

	@Test
	void clearTextForAProtectPolicyIsDroppedAndAudited() throws RuntimeConfigException {
		IpsecHost beta = beta();
		ReceiveResult result = beta.receive(tcp(ALPHA, 40000, BETA, 22));
		assertThat(result).isInstanceOfSatisfying(ReceiveResult.Dropped.class,
				dropped -> assertThat(dropped.reason()).isEqualTo(DropReason.CLEAR_TEXT));
		assertThat(betaAudit).last().asString().contains("Lvl: WARNING")
				.endsWith(
						"Event: Clear text packet received for a secure policy - IP addr: 10.1.1.10:10.2.2.20 (ssh-back)");
		assertThat(beta.dropCounts()).containsEntry(DropReason.CLEAR_TEXT, 1L);
	}

	@Test
	void passDiscardDefaultAndBypass() throws RuntimeConfigException {
		IpsecHost alpha = alpha();
		assertThat(alpha.send(HostConfigs.udp(ALPHA, 5353, "192.0.2.53", 53))).isInstanceOf(SendResult.Clear.class);
		assertThat(alpha.send(HostConfigs.icmpEcho(ALPHA, "192.0.2.1"))).isInstanceOfSatisfying(
				SendResult.Dropped.class,
				dropped -> assertThat(dropped.reason()).isEqualTo(DropReason.POLICY_DISCARD));
		assertThat(alpha.send(tcp(ALPHA, 40000, "192.0.2.80", 80))).isInstanceOfSatisfying(SendResult.Clear.class,
				clear -> assertThat(clear.decision().policy().orElseThrow().isDefault()).isTrue());
		assertThat(alpha.send(tcp(ALPHA_BYPASS, 40000, BETA, 22))).isInstanceOfSatisfying(SendResult.Clear.class,
				clear -> assertThat(clear.decision().route()).isEqualTo(Decision.Route.BYPASS));
		assertThat(alpha.cacheEntries()).hasSize(3);
	}

	@Test
	void policyForSearchesWithoutTouchingTheCache() throws RuntimeConfigException {
		IpsecHost beta = beta();
		assertThat(beta.policyFor(Flow.of(ALPHA, BETA, 6, 65535, 22), Direction.INBOUND).orElseThrow().name())
				.isEqualTo("ssh-back");
		assertThat(beta.policyFor(Flow.of(BETA, ALPHA, 6, 65535, 22), Direction.OUTBOUND).orElseThrow().name())
				.isEqualTo("ssh");
		assertThat(beta.cacheEntries()).isEmpty();
	}
}
