package org.ipsl.importer.strongswan;

import java.util.Map;

/**
 * The strongSwan settings the importer does not map, each with what it would have done: ignored on
 * purpose (it does not change which SAs are negotiated, or IPSL leaves it to the daemon) or not
 * expressible in IPSL (the SA would differ without it). One table for swanctl.conf and ipsec.conf.
 */
final class Unimported {
	private Unimported() {
	}

	/** Ignored on purpose, by key: what the setting does. */
	static final Map<String, String> IGNORED = Map.ofEntries(
			Map.entry("updown", "runs a script when a CHILD_SA goes up or down (firewall rules)"),
			Map.entry("leftupdown", "runs a script when a CHILD_SA goes up or down"),
			Map.entry("leftfirewall", "lets the updown script open the firewall for the tunnel"),
			Map.entry("rightfirewall", "lets the updown script open the firewall for the tunnel"),
			Map.entry("hostaccess", "lets the updown script open the firewall to the gateway itself"),
			Map.entry("lefthostaccess", "lets the updown script open the firewall to the gateway itself"),
			Map.entry("dpd_delay", "dead peer detection interval"),
			Map.entry("dpd_timeout", "dead peer detection timeout"),
			Map.entry("dpd_action", "what dead peer detection does"),
			Map.entry("dpdaction", "what dead peer detection does"),
			Map.entry("dpddelay", "dead peer detection interval"),
			Map.entry("dpdtimeout", "dead peer detection timeout"),
			Map.entry("close_action", "what to do when the peer closes the CHILD_SA"),
			Map.entry("closeaction", "what to do when the peer closes the CHILD_SA"),
			Map.entry("rekey_time", "when to rekey (timing)"),
			Map.entry("rekey_bytes", "rekey after this many bytes (timing)"),
			Map.entry("rekey_packets", "rekey after this many packets (timing)"),
			Map.entry("reauth_time", "when to reauthenticate (timing)"),
			Map.entry("over_time", "hard lifetime margin (timing)"),
			Map.entry("rand_time", "rekey jitter (timing)"),
			Map.entry("life_time", "hard CHILD_SA lifetime (timing)"),
			Map.entry("inactivity", "closes an idle CHILD_SA (timing)"),
			Map.entry("ikelifetime", "IKE_SA lifetime (timing)"),
			Map.entry("keylife", "CHILD_SA lifetime (timing)"),
			Map.entry("lifetime", "CHILD_SA lifetime (timing)"),
			Map.entry("rekeymargin", "when to rekey before expiry (timing)"),
			Map.entry("margintime", "when to rekey before expiry (timing)"),
			Map.entry("rekeyfuzz", "rekey jitter (timing)"),
			Map.entry("keyingtries", "how often to retry a failed negotiation (timing)"),
			Map.entry("rekey", "whether to rekey (timing)"),
			Map.entry("reauth", "whether to reauthenticate (timing)"),
			Map.entry("mobike", "lets the IKE_SA move to other addresses (MOBIKE)"),
			Map.entry("send_certreq", "whether to ask the peer for its certificate"),
			Map.entry("send_cert", "when to send the own certificate"),
			Map.entry("leftsendcert", "when to send the own certificate"),
			Map.entry("rightsendcert", "when to send the own certificate"),
			Map.entry("unique", "what to do with a second IKE_SA of the same peer"),
			Map.entry("uniqueids", "what to do with a second IKE_SA of the same peer"),
			Map.entry("fragmentation", "IKE fragmentation"),
			Map.entry("encap", "forces UDP encapsulation of ESP"),
			Map.entry("forceencaps", "forces UDP encapsulation of ESP"),
			Map.entry("keep_alive", "NAT keep-alive interval"),
			Map.entry("icmp", "lets ICMP errors of the tunnel pass"),
			Map.entry("policies_fwd_out", "installs outbound forwarding policies"),
			Map.entry("per_cpu_sas", "one SA per CPU"),
			Map.entry("hw_offload", "ESP offload to the network card"),
			Map.entry("copy_df", "copies the DF bit to the tunnel header"),
			Map.entry("copy_ecn", "copies ECN bits to the tunnel header"),
			Map.entry("copy_dscp", "copies DSCP to the tunnel header"),
			Map.entry("replay_window", "ESP replay window size"),
			Map.entry("replay_window_size", "ESP replay window size"),
			Map.entry("sha256_96", "truncates HMAC-SHA256 to 96 bits (a Linux bug's interoperability)"),
			Map.entry("cacerts",
					"the CA certificates the peer's must chain to (certificate contents are not imported)"),
			Map.entry("cacert", "a CA certificate file (certificate contents are not imported)"),
			Map.entry("leftca", "the CA the certificate must chain to (certificate contents are not imported)"),
			Map.entry("rightca", "the CA the peer's certificate must chain to (certificate contents are not imported)"),
			Map.entry("file", "a credential file (certificate contents are not imported)"),
			Map.entry("cert_uri_base", "where to fetch the certificates of a CA"),
			Map.entry("cert_policy", "certificate policy OIDs the peer's certificate must hold"),
			Map.entry("cert", "a certificate file (certificate contents are not imported)"),
			Map.entry("leftcert",
					"the host's certificate file (imported as certificate authentication; its contents are not imported)"),
			Map.entry("rightcert", "the peer's certificate file (certificate contents are not imported)"),
			Map.entry("leftrsasigkey", "a raw RSA public key"),
			Map.entry("rightrsasigkey", "a raw RSA public key"),
			Map.entry("pubkeys", "raw public keys (imported as certificate authentication by identity)"),
			Map.entry("ikedscp", "DSCP of IKE packets"),
			Map.entry("installpolicy", "whether the kernel policies are installed"),
			Map.entry("compress", "IPComp"),
			Map.entry("plutostart", "IKEv1 daemon of strongSwan 4"),
			Map.entry("charonstart", "daemon start (strongSwan 4)"),
			Map.entry("charondebug", "daemon logging"),
			Map.entry("strictcrlpolicy", "how revocation is checked"),
			Map.entry("cachecrls", "CRL caching"),
			Map.entry("crlcheckinterval", "CRL refresh interval"),
			Map.entry("nat_traversal", "NAT traversal (always on in strongSwan 5)"),
			Map.entry("description", "a description"),
			Map.entry("mark_in",
					"XFRM marks on inbound packets (which packets use the SA; the SAs negotiated are the same)"),
			Map.entry("mark_out",
					"XFRM marks on outbound packets (which packets use the SA; the SAs negotiated are the same)"),
			Map.entry("set_mark_in", "sets a mark on inbound packets (the SAs negotiated are the same)"),
			Map.entry("set_mark_out", "sets a mark on outbound packets (the SAs negotiated are the same)"),
			Map.entry("mark", "XFRM marks (the SAs negotiated are the same)"));

	/** Not expressible in IPSL, by key: what is lost. */
	static final Map<String, String> INEXPRESSIBLE = Map.ofEntries(
			Map.entry("pools", "assigns virtual IP addresses from a pool (IPSL has no virtual IPs)"),
			Map.entry("vips", "requests a virtual IP address (IPSL has no virtual IPs)"),
			Map.entry("leftsourceip", "virtual IP address (IPSL has no virtual IPs)"),
			Map.entry("rightsourceip", "virtual IP address pool (IPSL has no virtual IPs)"),
			Map.entry("modeconfig", "IKEv1 mode config (virtual IPs)"),
			Map.entry("eap_id", "the EAP identity (IPSL has no EAP)"),
			Map.entry("eap_identity", "the EAP identity (IPSL has no EAP)"),
			Map.entry("aaa_id", "the RADIUS server's identity (IPSL has no EAP)"),
			Map.entry("aaa_identity", "the RADIUS server's identity (IPSL has no EAP)"),
			Map.entry("xauth_id", "the XAUTH identity (IPSL has no XAUTH)"),
			Map.entry("xauth_identity", "the XAUTH identity (IPSL has no XAUTH)"),
			Map.entry("xauth", "XAUTH client or server (IPSL has no XAUTH)"),
			Map.entry("leftauth2", "a second authentication round (IPSL authenticates once)"),
			Map.entry("rightauth2", "a second authentication round (IPSL authenticates once)"),
			Map.entry("leftid2", "a second authentication round's identity"),
			Map.entry("rightid2", "a second authentication round's identity"),
			Map.entry("groups", "the peer's group memberships (IPSL has no groups)"),
			Map.entry("revocation", "how the peer's certificate is checked for revocation (IPSL models no revocation)"),
			Map.entry("ocsp", "OCSP use (IPSL models no revocation)"),
			Map.entry("ocsp_uris", "OCSP servers (IPSL models no revocation)"),
			Map.entry("crl_uris", "CRL locations (IPSL models no revocation)"),
			Map.entry("if_id_in", "XFRM interface ID"),
			Map.entry("if_id_out", "XFRM interface ID"),
			Map.entry("label", "security labels"),
			Map.entry("interface", "restricts the policy to one network interface"),
			Map.entry("ipcomp", "IP payload compression (IPComp)"),
			Map.entry("childless", "IKE_SA without a CHILD_SA (RFC 6023)"),
			Map.entry("ppk_id", "post-quantum preshared key (RFC 8784)"),
			Map.entry("ppk_required", "post-quantum preshared key (RFC 8784)"),
			Map.entry("pull", "IKEv1 mode config pull or push"),
			Map.entry("local_port", "a non-standard IKE port"),
			Map.entry("remote_port", "a non-standard IKE port"),
			Map.entry("leftikeport", "a non-standard IKE port"),
			Map.entry("rightikeport", "a non-standard IKE port"),
			Map.entry("reqid", "a fixed reqid"),
			Map.entry("tfc_padding", "traffic flow confidentiality padding"),
			Map.entry("dpd_delay_per_child", "dead peer detection"),
			Map.entry("leftgroups", "the peer's group memberships (IPSL has no groups)"),
			Map.entry("rightgroups", "the peer's group memberships (IPSL has no groups)"),
			Map.entry("leftallowany", "any own address"),
			Map.entry("rightallowany", "any peer address"));

	/** Reports a setting the importer does not map, once; an unknown key is not expressible. */
	static void report(Setting setting, String where, Problems problems) {
		setting.used = true;
		String ignored = IGNORED.get(setting.key);
		if (ignored != null) {
			problems.ignored(setting.at, setting.key, ignored);
			return;
		}
		String lost = INEXPRESSIBLE.get(setting.key);
		problems.inexpressible(setting.at, setting.key + " not imported: "
				+ (lost != null ? lost : "a setting of " + where + " the importer does not know"));
	}
}
