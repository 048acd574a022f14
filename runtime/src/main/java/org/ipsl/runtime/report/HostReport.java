package org.ipsl.runtime.report;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.spd.CachedDecision;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * A running host's state in the shapes of HP-UX's {@code ipsec_report}: {@code -host} (the SPD,
 * outbound rules first, then inbound), {@code -sa ipsec}, {@code -cache}, {@code -bypass} and
 * {@code -audit}. Field names and banners follow the manual pages (hpux-ipsec.md 9.1); where HP-UX's
 * exact layout was not found, the lines keep its {@code Name: value} style. Keys never appear.
 */
public final class HostReport {
	private static final String HOST_BANNER = "------------------- Active Host Policy Rule ---------------------";
	private static final String CACHE_BANNER = "-------------------------Cache Policy Rule ---------------------------";
	private static final String SA_BANNER = "------------------------- IPsec SA ----------------------------";
	private static final String BYPASS_BANNER = "------------------------- Bypass List -------------------------";

	private HostReport() {
	}

	/** {@code ipsec_report -host}: each policy outbound, then each inbound (mirrored), the default last. */
	public static String spd(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (boolean outbound : new boolean[] { true, false })
			for (SpdEntry policy : host.policies())
				if (!policy.isDefault())
					out.append(policy(policy, outbound));
		for (SpdEntry policy : host.policies())
			if (policy.isDefault())
				out.append(HOST_BANNER).append('\n').append("Rule Name: default ID: ").append(policy.cookie())
						.append(" Priority: 0\nAction: ").append(policy.hostReportAction()).append("\n\n");
		return out.toString();
	}

	/** One policy in one direction, as {@code ipsec_report -host} and {@code ipsec_policy} print it. */
	public static String policy(SpdEntry policy, boolean outbound) {
		StringBuilder out = new StringBuilder(HOST_BANNER).append('\n');
		Selector s = policy.selector();
		out.append("Rule Name: ").append(policy.name()).append(" ID: ").append(policy.cookie()).append(" Priority: ")
				.append(policy.isDefault() ? 0 : policy.priority()).append('\n');
		List<IpRange> source = outbound ? s.local() : s.remote(), destination = outbound ? s.remote() : s.local();
		PortRange sourcePorts = outbound ? s.localPorts() : s.remotePorts();
		PortRange destinationPorts = outbound ? s.remotePorts() : s.localPorts();
		for (IpRange range : orAny(source))
			out.append("Src IP Addr: ").append(addressAndPrefix(range)).append(" Port number: ")
					.append(port(sourcePorts)).append('\n');
		for (IpRange range : orAny(destination))
			out.append("Dst IP Addr: ").append(addressAndPrefix(range)).append(" Port number: ")
					.append(port(destinationPorts)).append('\n');
		out.append("Network Protocol: ").append(protocol(s.protocol()))
				.append(s.icmpType().isPresent() ? " Type: " + s.icmpType().getAsInt() : "").append(" Direction: ")
				.append(outbound ? "outbound" : "inbound").append('\n');
		out.append("Action: ").append(policy.hostReportAction()).append('\n');
		Policy.Action action = policy.action();
		if (policy.protects()) {
			if (policy.isManual())
				out.append("Manual SA: ").append(action.manualSa()).append('\n');
			else {
				int n = 1;
				for (Policy.Transform t : action.transforms())
					out.append("Proposal ").append(n++).append(": ").append(t.name()).append(" Lifetime (secs): ")
							.append(t.lifetimeSeconds()).append(" Lifetime (KB): ").append(t.lifetimeKilobytes()).append('\n');
				if (action.pfsGroup() != null)
					out.append("PFS Group: ").append(action.pfsGroup()).append('\n');
			}
			if (action.tunnel() != null)
				out.append("Tunnel: ").append(outbound ? action.tunnel().local() + " -> " + action.tunnel().remote()
						: action.tunnel().remote() + " -> " + action.tunnel().local()).append('\n');
			out.append("Number of SA(s) Needed: 1 Pair(s)\n");
		}
		return out.append('\n').toString();
	}

	/** {@code ipsec_report -sa ipsec}: every SA of the SAD, with its state and counters, never its keys. */
	public static String sad(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (SecurityAssociation sa : host.securityAssociations()) {
			SaSpec spec = sa.spec();
			out.append(SA_BANNER).append('\n');
			out.append("SPI (hex): ").append(AuditText.spi(spec.spi())).append(" Protocol: ").append(spec.protocol())
					.append(" Direction: ").append(spec.direction().name().toLowerCase(Locale.ROOT)).append('\n');
			out.append("Src IP Addr: ").append(AuditText.address(spec.source())).append(" Dst IP Addr: ")
					.append(AuditText.address(spec.destination())).append('\n');
			out.append("Mode: ").append(capitalized(spec.mode().name())).append(" Tunnel SA: ")
					.append(spec.mode().name().equals("TUNNEL") ? "Yes" : "No").append('\n');
			if (spec.protocol() == SecurityProtocol.ESP)
				out.append("Encryption: ").append(spec.encryption().languageName()).append(' ');
			out.append("Authentication: ").append(spec.integrity().languageName()).append('\n');
			out.append("State: ").append(capitalized(sa.state().name())).append('\n');
			out.append("Lifetime (secs): ").append(spec.lifetime().hardSeconds()).append(" Lifetime (KB): ")
					.append(spec.lifetime().hardKilobytes()).append(" Bytes: ").append(sa.bytes())
					.append(" Sequence: ").append(sa.lastSentSequence()).append("\n\n");
		}
		return out.toString();
	}

	/** {@code ipsec_report -cache}: the decision cache by record, with the SAs each entry uses. */
	public static String cache(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (CachedDecision entry : host.cacheEntries()) {
			Flow flow = entry.flow();
			out.append(CACHE_BANNER).append('\n');
			out.append("Cache Policy Record: ").append(entry.record()).append(" Cookie: ").append(entry.cookie()).append('\n');
			boolean ports = Selector.hasPorts(flow.protocol());
			out.append("Src IP Address: ").append(AuditText.address(flow.source()))
					.append(ports ? " Src Port number: " + flow.sourcePort() : "").append('\n');
			out.append("Dst IP Address: ").append(AuditText.address(flow.destination()))
					.append(ports ? " Dst Port number: " + flow.destinationPort() : "").append('\n');
			out.append("Network Protocol: ").append(protocol(flow.protocol())).append(" Direction: ")
					.append(entry.direction().name().toLowerCase(Locale.ROOT)).append('\n');
			out.append("Action: ").append(entry.policy().cacheReportAction()).append('\n');
			if (entry.policy().protects()) {
				List<SecurityAssociation> sas = host.sasOf(entry);
				if (sas.isEmpty())
					out.append("-- SA Number 1 --\nState: SA Requested\n");
				for (int n = 0; n < sas.size(); n++) {
					SaSpec spec = sas.get(n).spec();
					out.append("-- SA Number ").append(n + 1).append(" --\nState: SA Created\nSA Type: ")
							.append(spec.protocol()).append("\nTunnel SA: ")
							.append(spec.mode().name().equals("TUNNEL") ? "Yes" : "No").append("\nSPI (hex): ")
							.append(AuditText.spi(spec.spi())).append('\n');
				}
			}
			out.append('\n');
		}
		return out.toString();
	}

	/** {@code ipsec_report -bypass}: the local addresses that skip the SPD. */
	public static String bypass(IpsecHost host) {
		StringBuilder out = new StringBuilder(BYPASS_BANNER).append('\n');
		for (IpRange address : host.bypassList())
			out.append("IP Address: ").append(address).append('\n');
		if (host.bypassList().isEmpty())
			out.append("(none)\n");
		return out.append('\n').toString();
	}

	/** {@code ipsec_report -audit}: the entries kept, two lines each. */
	public static String audit(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (AuditEntry entry : host.auditEntries())
			out.append(entry.format()).append('\n');
		return out.toString();
	}

	/** "TCP", "UDP", "ICMP", "ICMPV6", "ALL", or the number, as HP-UX's {@code -protocol} names them. */
	static String protocol(int protocol) {
		return switch (protocol) {
		case Selector.ANY -> "ALL";
		case Selector.TCP -> "TCP";
		case Selector.UDP -> "UDP";
		case Selector.ICMP -> "ICMP";
		case Selector.ICMPV6 -> "ICMPV6";
		default -> Integer.toString(protocol);
		};
	}

	private static List<IpRange> orAny(List<IpRange> ranges) {
		return ranges.isEmpty() ? List.of(IpRange.parse("0.0.0.0/0")) : ranges;
	}

	/** "192.1.1.0 Prefix: 24"; a range that is no prefix as "first..last Prefix: -". */
	private static String addressAndPrefix(IpRange range) {
		BigInteger size = range.size();
		boolean isPrefix = size.bitCount() == 1 && range.first().mod(size).signum() == 0;
		String first = IpRange.format(range.first());
		if (!isPrefix)
			return first + ".." + IpRange.format(range.last()) + " Prefix: -";
		int bits = (range.isIpv4() ? 32 : 128) - (size.bitLength() - 1);
		return first + " Prefix: " + bits;
	}

	private static String port(PortRange ports) {
		return ports.isAll() ? "0" : ports.toString();
	}

	private static String capitalized(String name) {
		return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
	}

	/** Every report, in {@code ipsec_report -all}'s order. */
	public static String all(IpsecHost host) {
		return spd(host) + sad(host) + cache(host) + bypass(host) + audit(host);
	}
}
