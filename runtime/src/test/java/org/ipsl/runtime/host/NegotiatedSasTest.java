package org.ipsl.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipsl.runtime.host.HostConfigs.ALPHA;
import static org.ipsl.runtime.host.HostConfigs.BETA;
import static org.ipsl.runtime.host.HostConfigs.tcp;

import java.util.List;
import java.util.Random;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.TestSas;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.ipsec.IpsecEngine;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.packet.Outcome;
import org.ipsl.runtime.sad.Direction;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaAddition;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;
import org.junit.jupiter.api.Test;

/** The hook a negotiation (IKE, or the trace's simulation) uses: SPIs from the dynamic range, SAs installed per policy and peer. */
class NegotiatedSasTest {

	private final MutableClock clock = new MutableClock();
	private final Random random = new Random(7);

	@Test
	void aDynamicPolicyAsksForSasThenUsesTheInstalledPair() throws RuntimeConfigException {
		IpsecHost alpha = IpsecHost.start(HostConfigs.alpha(), "alpha.json", HostOptions.defaults().withClock(clock));
		IpsecHost beta = IpsecHost.start(HostConfigs.beta(), "beta.json", HostOptions.defaults().withClock(clock));
		byte[] request = tcp(ALPHA, 40000, BETA, 443);

		SendResult first = alpha.send(request);
		assertThat(first).isInstanceOf(SendResult.SaRequired.class);
		SendResult.SaRequired required = (SendResult.SaRequired) first;
		assertThat(required.policy().name()).isEqualTo("web");
		assertThat(required.local().getHostAddress()).isEqualTo(ALPHA);
		assertThat(required.peer().getHostAddress()).isEqualTo(BETA);
		assertThat(alpha.sasOf(alpha.cacheEntries().get(0))).as("HP-UX: SA Requested").isEmpty();

		// The negotiation: each side allocates its inbound SPI from its dynamic range.
		long alphaSpi = alpha.allocateSpi(required.local(), SecurityProtocol.ESP).orElseThrow();
		long betaSpi = beta.allocateSpi(required.peer(), SecurityProtocol.ESP).orElseThrow();
		assertThat(alphaSpi).isBetween(300L, 2_500_000L);
		SaSpec alphaToBeta = TestSas.spec(Direction.OUTBOUND, betaSpi, SecurityProtocol.ESP, Mode.TRANSPORT, ALPHA,
				BETA,
				EncryptionAlgorithm.AES_CBC_128, TestSas.randomKey(16, random), IntegrityAlgorithm.HMAC_SHA1_96,
				TestSas.randomKey(20, random));
		SaSpec betaToAlpha = TestSas.spec(Direction.OUTBOUND, alphaSpi, SecurityProtocol.ESP, Mode.TRANSPORT, BETA,
				ALPHA,
				EncryptionAlgorithm.AES_CBC_128, TestSas.randomKey(16, random), IntegrityAlgorithm.HMAC_SHA1_96,
				TestSas.randomKey(20, random));
		assertThat(alpha.installNegotiatedSas(required.policy(), required.peer(), List.of(alphaToBeta),
				List.of(TestSas.inbound(betaToAlpha)))).allMatch(a -> a instanceof SaAddition.Added);
		SpdEntry betaPolicy = beta.policyFor(Flow.of(ALPHA, BETA, 6, 40000, 443), Direction.INBOUND).orElseThrow();
		assertThat(betaPolicy.name()).isEqualTo("web-back");
		assertThat(beta.installNegotiatedSas(betaPolicy, required.local(), List.of(betaToAlpha),
				List.of(TestSas.inbound(alphaToBeta)))).allMatch(a -> a instanceof SaAddition.Added);

		SendResult.Protected sent = (SendResult.Protected) alpha.send(request);
		assertThat(sent.decision().route()).isEqualTo(Decision.Route.CACHE);
		assertThat(sent.sas()).extracting(sa -> sa.spec().spi()).containsExactly(betaSpi);
		assertThat(alpha.sasOf(alpha.cacheEntries().get(0))).extracting(sa -> sa.spec().spi()).containsExactly(betaSpi);
		ReceiveResult.Delivered delivered = (ReceiveResult.Delivered) beta.receive(sent.packet());
		assertThat(delivered.packet()).isEqualTo(request);

		SendResult.Protected reply = (SendResult.Protected) beta.send(tcp(BETA, 443, ALPHA, 40000));
		assertThat(alpha.receive(reply.packet())).isInstanceOf(ReceiveResult.Delivered.class);
	}

	@Test
	void anSaPastItsHardLifetimeIsRenegotiated() throws RuntimeConfigException {
		IpsecHost alpha = IpsecHost.start(HostConfigs.alpha(), "alpha.json", HostOptions.defaults().withClock(clock));
		byte[] request = tcp(ALPHA, 40000, BETA, 443);
		SendResult.SaRequired required = (SendResult.SaRequired) alpha.send(request);
		SaSpec shortLived = new SaSpec(Direction.OUTBOUND, 4000, SecurityProtocol.ESP, Mode.TRANSPORT, required.local(),
				required.peer(), EncryptionAlgorithm.AES_GCM_16_128, TestSas.randomKey(20, random),
				IntegrityAlgorithm.NONE,
				org.ipsl.runtime.crypto.KeyBytes.NONE, new org.ipsl.runtime.sad.Lifetime(0, 600, 0, 0),
				SaSpec.DEFAULT_REPLAY_WINDOW);
		alpha.installNegotiatedSas(required.policy(), required.peer(), List.of(shortLived), List.of());
		assertThat(alpha.send(request)).isInstanceOf(SendResult.Protected.class);
		clock.advance(java.time.Duration.ofSeconds(601));
		alpha.expireSas();
		assertThat(alpha.securityAssociations()).noneMatch(sa -> sa.spec().spi() == 4000);
		assertThat(alpha.send(request)).isInstanceOf(SendResult.SaRequired.class);
	}

	@Test
	void aPacketUnderAnotherPolicysSaIsDropped() throws RuntimeConfigException {
		IpsecHost alpha = IpsecHost.start(HostConfigs.alpha(), "alpha.json", HostOptions.defaults().withClock(clock));
		IpsecHost beta = IpsecHost.start(HostConfigs.beta(), "beta.json", HostOptions.defaults().withClock(clock));
		// Web traffic (beta: dynamic keys) wrapped by hand in the ssh manual SA.
		SecurityAssociation ssh = alpha.securityAssociations().stream()
				.filter(sa -> sa.spec().direction() == Direction.OUTBOUND).findFirst().orElseThrow();
		byte[] wire = ((Outcome.Processed) new IpsecEngine(alpha.sad(), alpha.audit()).outbound(ssh,
				tcp(ALPHA, 40000, BETA, 443)))
				.packet();
		assertThat(beta.receive(wire)).isInstanceOfSatisfying(ReceiveResult.Dropped.class,
				dropped -> assertThat(dropped.reason()).isEqualTo(DropReason.POLICY_MISMATCH));
		assertThat(beta.cacheEntries()).isEmpty();
	}

	@Test
	void onlyDynamicPoliciesTakeNegotiatedSas() throws RuntimeConfigException {
		IpsecHost alpha = IpsecHost.start(HostConfigs.alpha(), "alpha.json", HostOptions.defaults().withClock(clock));
		SpdEntry ssh = alpha.policies().get(0);
		assertThatThrownBy(() -> alpha.installNegotiatedSas(ssh, alpha.addresses().get(0),
				List.of(), List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("`ssh`");
	}
}
