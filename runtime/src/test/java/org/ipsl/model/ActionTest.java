package org.ipsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTest {

	@Test
	void sameTreatmentIsEquality() {
		Action esp = Action.protect("esp-aes128-hmac-sha256");
		assertThat(esp).isEqualTo(Action.protect(List.of("esp-aes128-hmac-sha256")));
		assertThat(esp).isNotEqualTo(Action.protect("esp-aes128-hmac-sha256", "esp-3des-hmac-sha1"));
		assertThat(Action.protect("a", "b")).isNotEqualTo(Action.protect("b", "a"));
		assertThat(esp).isNotEqualTo(esp.withPfs("modp2048"));
		assertThat(esp.withPfs("modp2048")).isNotEqualTo(esp.withPfs("modp1024"));
		assertThat(esp).isNotEqualTo(esp.inTunnel("10.1.1.1", "10.2.2.1"));
		assertThat(esp.inTunnel("10.1.1.1", "10.2.2.1")).isEqualTo(esp.inTunnel("10.1.1.1", "10.2.2.1"));
		assertThat(Action.manual("sa1")).isNotEqualTo(Action.manual("sa2"));
		assertThat(Action.PASS).isNotEqualTo(Action.DISCARD);
	}

	@Test
	void phrasesForMessages() {
		assertThat(Action.DISCARD.outcome()).isEqualTo("discarded");
		assertThat(Action.PASS.outcome()).isEqualTo("passed in clear");
		assertThat(Action.protect("esp-aes128-hmac-sha256").outcome())
				.isEqualTo("protected with esp-aes128-hmac-sha256");
		assertThat(
				Action.protect("esp-aes128-hmac-sha256").inTunnel("10.1.1.1", "10.2.2.1").withPfs("modp2048").outcome())
				.isEqualTo("protected with esp-aes128-hmac-sha256 in tunnel 10.1.1.1 -> 10.2.2.1 and pfs modp2048");
		assertThat(Action.protect("esp-aes128-hmac-sha1", "esp-3des-hmac-sha1").outcome())
				.isEqualTo("protected with esp-aes128-hmac-sha1 or esp-3des-hmac-sha1");
		assertThat(Action.manual("branch-sa").outcome()).isEqualTo("protected with manual SA `branch-sa`");
		assertThat(Action.DISCARD.verb("tcp")).isEqualTo("discards tcp");
		assertThat(Action.PASS.verb("tcp")).isEqualTo("passes tcp in clear");
		assertThat(Action.protect("esp-aes128-gcm16").verb("tcp")).isEqualTo("protects tcp with esp-aes128-gcm16");
	}

	@Test
	void protectNeedsTransformsOrAManualSa() {
		assertThatThrownBy(() -> Action.protect(List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Action.manual("sa").withPfs("modp2048")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Action.DISCARD.withPfs("modp2048")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void ruleReference() {
		assertThat(new Rule("quarantine", 10, Selector.ALL, Action.DISCARD).reference())
				.isEqualTo("`quarantine` (priority 10)");
	}
}
