package org.ipsl.importer.strongswan;

import java.util.ArrayList;
import java.util.List;

/**
 * One strongSwan connection (an IKE_SA configuration and its children) as both configuration
 * formats describe it, in strongSwan's own words; {@link IpslWriter} turns it into IPSL.
 */
final class Connection {
	final String name;
	final Where at;
	/** "1", "2", "any", or null when the file does not say (swanctl: any; ipsec.conf: IKEv2 initiating, both accepted). */
	String version;
	/** Addresses, prefixes, ranges, host names or %any, as written. */
	final List<Text> localAddrs = new ArrayList<>();
	final List<Text> remoteAddrs = new ArrayList<>();
	/** IKE proposals in strongSwan's syntax; empty: strongSwan's default. */
	final List<Text> proposals = new ArrayList<>();
	boolean aggressive;
	final Peer local = new Peer();
	final Peer remote = new Peer();
	final List<Child> children = new ArrayList<>();

	Connection(String name, Where at) {
		this.name = name;
		this.at = at;
	}

	/** A value as written and where. */
	record Text(String value, Where at) {
	}

	/** One side's authentication round. */
	static final class Peer {
		/** "psk" or "pubkey" (certificates), null when not said. */
		String auth;
		Where authAt;
		/** The identity as strongSwan writes it ("moon.strongswan.org", "@moon", "C=CH, O=..."), or null. */
		Text id;
	}

	/** A traffic selector: an address, prefix, range or "dynamic", and optionally a protocol and port. */
	record Selector(String address, String protocol, String port, Where at) {
	}

	/** A CHILD_SA configuration. */
	static final class Child {
		final String name;
		final Where at;
		/** Empty: dynamic (the IKE_SA's own address). */
		final List<Selector> localTs = new ArrayList<>();
		final List<Selector> remoteTs = new ArrayList<>();
		final List<Text> esp = new ArrayList<>();
		final List<Text> ah = new ArrayList<>();
		/** tunnel, transport, pass or drop. */
		String mode = "tunnel";
		/** initiate, trap or none. */
		String start = "none";
		Text priority;

		Child(String name, Where at) {
			this.name = name;
			this.at = at;
		}
	}

	/** A preshared key and the identities (or addresses) it is for; none: any. */
	record Psk(List<String> ids, String secret, Where at) {
	}
}
