package org.ipsl.model;

import java.util.Optional;
import java.util.function.Function;

import org.ipsl.catalog.Keyword;

/**
 * The IP protocols that have a name somewhere in IPSL, with the name each side writes: the
 * language's keyword (also the trace's and the CLI's), strongSwan's and Linux XFRM's, and HP-UX's
 * {@code -protocol}. Every other protocol, and one a side has no name for, is written by its number.
 */
public enum IpProtocol implements Keyword {
	ICMP(Selector.ICMP, "icmp", "icmp", "ICMP"),
	/** HP-UX names it; the language selects it by number. */
	IGMP(2, null, null, "IGMP"), TCP(Selector.TCP, "tcp", "tcp", "TCP"), UDP(Selector.UDP, "udp", "udp", "UDP"),
	/** By number for strongSwan and XFRM: Linux's /etc/protocols calls it ipv6-icmp, which may be missing. */
	ICMPV6(Selector.ICMPV6, "icmpv6", null, "ICMPV6"),
	/** Mobility Header (RFC 6275); HP-UX names it, the language selects it by number. */
	MH(135, null, null, "MH");

	private final int number;
	private final String keyword;
	private final String linuxName;
	private final String hpuxName;

	IpProtocol(int number, String keyword, String linuxName, String hpuxName) {
		this.number = number;
		this.keyword = keyword;
		this.linuxName = linuxName;
		this.hpuxName = hpuxName;
	}

	/** The IANA protocol number. */
	public int number() {
		return number;
	}

	/** The language's name, or null when the language writes the number. */
	@Override
	public String keyword() {
		return keyword;
	}

	/** As strongSwan's traffic selectors and {@code ip xfrm} read it, or null for the number. */
	public String linuxName() {
		return linuxName;
	}

	/** As HP-UX's {@code ipsec_config -protocol} writes it. */
	public String hpuxName() {
		return hpuxName;
	}

	public static Optional<IpProtocol> byNumber(int number) {
		for (IpProtocol protocol : values())
			if (protocol.number == number)
				return Optional.of(protocol);
		return Optional.empty();
	}

	/** By the language's keyword: tcp, udp, icmp, icmpv6. */
	public static Optional<IpProtocol> byKeyword(String keyword) {
		return Keyword.lookup(IpProtocol.class, keyword);
	}

	/** By HP-UX's name: TCP, UDP, ICMP, ICMPV6, IGMP, MH. */
	public static Optional<IpProtocol> byHpuxName(String name) {
		for (IpProtocol protocol : values())
			if (protocol.hpuxName.equals(name))
				return Optional.of(protocol);
		return Optional.empty();
	}

	/** Protocol {@code number} as one side writes it: {@code name}'s answer, or the number when that is null. */
	public static String written(int number, Function<IpProtocol, String> name) {
		return byNumber(number).map(name).orElse(Integer.toString(number));
	}
}
