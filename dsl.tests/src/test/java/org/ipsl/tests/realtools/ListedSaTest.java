package org.ipsl.tests.realtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading {@code swanctl --list-sas --raw} output, as charon 5.9 printed it in a real-tools run. */
class ListedSaTest {

	@Test
	void readsAnIkeSaWithItsChildren() {
		List<ListedSa> sas = ListedSa.parse("""
				list-sa event {to-beta {uniqueid=1 version=1 state=ESTABLISHED local-host=10.1.1.10 local-port=4500 \
				local-id=10.1.1.10 remote-host=10.2.2.20 initiator=yes encr-alg=AES_CBC encr-keysize=128 \
				integ-alg=HMAC_SHA1_96 prf-alg=PRF_HMAC_SHA1 dh-group=MODP_1024 established=3 child-sas \
				{sites-3 {name=sites uniqueid=3 reqid=1 state=INSTALLED mode=TUNNEL protocol=ESP encap=yes \
				encr-alg=AES_CBC encr-keysize=128 integ-alg=HMAC_SHA1_96 packets-in=0 packets-out=2 \
				local-ts=[10.1.0.0/16 10.3.0.0/16] remote-ts=[10.2.0.0/16]}}}}
				list-sas reply {}
				""");
		assertThat(sas).hasSize(1);
		ListedSa ike = sas.get(0);
		assertThat(ike.name()).isEqualTo("to-beta");
		assertThat(ike.get("state")).isEqualTo("ESTABLISHED");
		assertThat(ike.get("dh-group")).isEqualTo("MODP_1024");
		assertThat(ike.get("child-sas")).isNull();
		ListedSa child = ike.child("sites");
		assertThat(child.values()).containsEntry("state", "INSTALLED").containsEntry("packets-out", "2")
				.containsEntry("local-ts", "[10.1.0.0/16 10.3.0.0/16]").containsEntry("remote-ts", "[10.2.0.0/16]");
	}

	@Test
	void aDistinguishedNameKeepsItsSpacesAndEqualSigns() {
		ListedSa ike = ListedSa.parse("list-sa event {gw {state=ESTABLISHED "
				+ "local-id=C=CH, O=strongSwan Project, CN=moon.strongswan.org remote-id=sun initiator=no}}").get(0);
		assertThat(ike.get("local-id")).isEqualTo("C=CH, O=strongSwan Project, CN=moon.strongswan.org");
		assertThat(ike.get("remote-id")).isEqualTo("sun");
		assertThat(ike.children()).isEmpty();
	}

	@Test
	void aTruncatedLineIsAnError() {
		assertThatThrownBy(() -> ListedSa.parse("list-sa event {gw {state=ESTABLISHED child-sas {c-1 {name=c"))
				.isInstanceOf(AssertionError.class).hasMessageContaining("unterminated");
	}
}
