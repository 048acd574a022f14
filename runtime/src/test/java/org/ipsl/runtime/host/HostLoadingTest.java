package org.ipsl.runtime.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ipsl.runtime.MutableClock;
import org.ipsl.runtime.config.ManualSa;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.config.RuntimeConfig;
import org.ipsl.runtime.config.RuntimeConfigException;
import org.ipsl.runtime.config.RuntimeConfigJson;
import org.ipsl.runtime.packet.DropReason;
import org.ipsl.runtime.sad.SadRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading runtime.json: all or nothing for what is wrong in the file; HP-UX's refusals for what the SAD refuses. */
class HostLoadingTest {

	private final List<String> audit = new ArrayList<>();
	private final HostOptions options = HostOptions.defaults().withClock(new MutableClock()).withAuditSink(audit::add);

	@TempDir
	Path folder;

	@Test
	void loadsAWrittenFileAndRunsIt() throws Exception {
		Path file = folder.resolve("runtime.json");
		Files.write(file, RuntimeConfigJson.write(HostConfigs.alpha()));
		IpsecHost host = IpsecHost.load(file, options);
		assertThat(host.name()).isEqualTo("alpha");
		assertThat(host.policies()).extracting(p -> p.name() + "/" + p.cookie())
				.containsExactly("ssh/2", "ssh-back/3", "web/4", "web-back/5", "dns/6", "no-ping/7", "default/1");
		assertThat(host.securityAssociations()).hasSize(2);
		assertThat(host.bypassList()).extracting(Object::toString).containsExactly("10.1.1.99");
		assertThat(host.cache().softEntries()).isEqualTo(50_000);
		assertThat(host.cache().hardEntries()).as("HP-UX's defaults unknown: the language's example").isEqualTo(60_000);
	}

	@Test
	void aSchemaViolationInAFileNamesThePathAndNothingRuns() throws Exception {
		Path file = folder.resolve("runtime.json");
		String json = new String(RuntimeConfigJson.write(HostConfigs.alpha()), StandardCharsets.UTF_8)
				.replace("\"encryption\": \"aes128\"", "\"encryption\": \"rot13\"");
		Files.writeString(file, json);
		assertThatThrownBy(() -> IpsecHost.load(file, options)).isInstanceOf(RuntimeConfigException.class)
				.hasMessageStartingWith(
						file + ": policies[2].action.transforms[0].esp.encryption: expected one of \"des\", ");
		assertThat(audit).as("no host started, so nothing was audited").isEmpty();
	}

	@Test
	void anAddressThatIsNotOneNamesItsPath() {
		RuntimeConfig config = with(HostConfigs.alpha(), 4, new Policy.Selector(17, null, List.of("10.1.1"), null,
				HostConfigs.ANY, null));
		assertThatThrownBy(() -> IpsecHost.start(config, "alpha.json", options))
				.hasMessage(
						"alpha.json: policies[4].selector.local[0]: expected an IPv4 or IPv6 address, optionally /prefix, found '10.1.1'");
	}

	@Test
	void portsWithoutTcpOrUdpAndAnUnknownManualSaAreRefused() {
		RuntimeConfig ports = with(HostConfigs.alpha(), 4,
				new Policy.Selector(1, null, HostConfigs.ANY, new Policy.PortRange(1, 2),
						HostConfigs.ANY, null));
		assertThatThrownBy(() -> IpsecHost.start(ports, "alpha.json", options)).hasMessageStartingWith(
				"alpha.json: policies[4].selector: expected ports only with tcp or udp");
		RuntimeConfig alpha = HostConfigs.alpha();
		List<Policy> policies = new ArrayList<>(alpha.policies());
		Policy ssh = policies.get(0);
		policies.set(0, new Policy(ssh.name(), ssh.priority(), ssh.selector(),
				new Policy.Action(Policy.Action.Type.PROTECT, null, null, null, "nope")));
		assertThatThrownBy(() -> IpsecHost.start(withPolicies(alpha, policies), "alpha.json", options))
				.hasMessage(
						"alpha.json: policies[0].action.manualSa: expected the name of an entry of manualSas, found 'nope'");
	}

	@Test
	void policiesOutOfPriorityOrderAreRefused() {
		RuntimeConfig alpha = HostConfigs.alpha();
		List<Policy> policies = new ArrayList<>(alpha.policies());
		policies.add(1, policies.remove(2));
		assertThatThrownBy(() -> IpsecHost.start(withPolicies(alpha, policies), "alpha.json", options)).hasMessage(
				"alpha.json: policies[2].priority: expected a priority above 20 (policies are in ascending priority order), found 15");
	}

	@Test
	void aDuplicateSpiAndAWeakKeyAreRefusedAsHpUxDoesAndTheHostRunsWithout() throws RuntimeConfigException {
		RuntimeConfig alpha = HostConfigs.alpha();
		ManualSa ssh = alpha.manualSas().get(0);
		ManualSa duplicate = new ManualSa("again", ssh.peer(), ssh.inbound(),
				HostConfigs.sa(2_700_000, HostConfigs.AES_KEY_1,
						HostConfigs.SHA1_KEY_1));
		ManualSa weak = new ManualSa("weak", List.of("10.3.3.30/32"),
				new ManualSa.Sa(ManualSa.Sa.Protocol.ESP, 2_700_001, new ManualSa.Key("des", "0x0101010101010101"),
						new ManualSa.Key("hmac-sha1", HostConfigs.SHA1_KEY_1), null),
				HostConfigs.sa(2_700_002, HostConfigs.AES_KEY_2, HostConfigs.SHA1_KEY_2));
		RuntimeConfig config = new RuntimeConfig(alpha.comment(), alpha.version(), alpha.host(), alpha.addresses(),
				alpha.dynamicSpi(), alpha.spdLimits(), alpha.auditLevel(), alpha.bypass(), alpha.ikePolicies(),
				alpha.policies(),
				alpha.defaultAction(), List.of(ssh, duplicate, weak));
		IpsecHost host = IpsecHost.start(config, "alpha.json", options);
		assertThat(host.refusedAtStart()).extracting(r -> r.refusal()).containsExactly(SadRefusal.DUPLICATE,
				SadRefusal.WEAK_KEY);
		assertThat(audit).anySatisfy(line -> assertThat(line).contains("Lvl: ERROR")
				.endsWith("Event: PF_KEY: SADB_ADD for SPI 0x27ac42 returns EEXIST"));
		assertThat(audit).anySatisfy(line -> assertThat(line)
				.endsWith("Event: PF_KEY: Invalid SADB_ADD, SPI 0x2932e1, errno 22"));
		assertThat(host.audit().streams().lines()).anySatisfy(line -> assertThat(line)
				.endsWith("SADB_ADD refused, weak DES_CBC key - SPI: 2932E1 IP addr: 10.3.3.30:10.1.1.10 proto: 50"));
		assertThat(String.join("\n", audit)).doesNotContain("0101010101")
				.doesNotContain(HostConfigs.AES_KEY_1.substring(2, 12));
		// The refused pair's outbound SA was added; its inbound one was not. ssh still runs.
		assertThat(host.send(HostConfigs.tcp(HostConfigs.ALPHA, 40000, HostConfigs.BETA, 22)))
				.isInstanceOf(SendResult.Protected.class);
	}

	@Test
	void aPolicyWhoseManualSaWasRefusedDropsItsPackets() throws RuntimeConfigException {
		RuntimeConfig alpha = HostConfigs.alpha();
		ManualSa ssh = alpha.manualSas().get(0);
		ManualSa refused = new ManualSa(ssh.name(), ssh.peer(), ssh.inbound(),
				new ManualSa.Sa(ManualSa.Sa.Protocol.ESP, 200, new ManualSa.Key("aes128", HostConfigs.AES_KEY_1), null,
						null));
		RuntimeConfig config = new RuntimeConfig(alpha.comment(), alpha.version(), alpha.host(), alpha.addresses(),
				alpha.dynamicSpi(), alpha.spdLimits(), alpha.auditLevel(), alpha.bypass(), alpha.ikePolicies(),
				alpha.policies(),
				alpha.defaultAction(), List.of(refused));
		IpsecHost host = IpsecHost.start(config, "alpha.json", options);
		assertThat(host.refusedAtStart()).extracting(r -> r.refusal()).containsExactly(SadRefusal.RESERVED_SPI);
		assertThat(host.send(HostConfigs.tcp(HostConfigs.ALPHA, 40000, HostConfigs.BETA, 22)))
				.isInstanceOfSatisfying(SendResult.Dropped.class,
						d -> assertThat(d.reason()).isEqualTo(DropReason.NO_SA));
		assertThat(audit).last().asString().endsWith(
				"Event: No SA for outbound packet - IP addr: 10.1.1.10:10.2.2.20 (manual SA `ssh-sa` to 10.2.2.20)");
	}

	private static RuntimeConfig with(RuntimeConfig config, int index, Policy.Selector selector) {
		List<Policy> policies = new ArrayList<>(config.policies());
		Policy old = policies.get(index);
		policies.set(index, new Policy(old.name(), old.priority(), selector, old.action()));
		return withPolicies(config, policies);
	}

	private static RuntimeConfig withPolicies(RuntimeConfig c, List<Policy> policies) {
		return new RuntimeConfig(c.comment(), c.version(), c.host(), c.addresses(), c.dynamicSpi(), c.spdLimits(),
				c.auditLevel(),
				c.bypass(), c.ikePolicies(), policies, c.defaultAction(), c.manualSas());
	}
}
