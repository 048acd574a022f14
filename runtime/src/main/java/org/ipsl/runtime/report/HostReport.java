package org.ipsl.runtime.report;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.ipsl.model.IpProtocol;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Selector;
import org.ipsl.runtime.audit.AuditEntry;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.config.Policy;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.host.IpsecHost;
import org.ipsl.runtime.sad.Mode;
import org.ipsl.runtime.sad.SaId;
import org.ipsl.runtime.sad.SaSpec;
import org.ipsl.runtime.sad.SaState;
import org.ipsl.runtime.sad.SecurityAssociation;
import org.ipsl.runtime.sad.SecurityProtocol;
import org.ipsl.runtime.spd.CachedDecision;
import org.ipsl.runtime.spd.Flow;
import org.ipsl.runtime.spd.SpdEntry;

/**
 * A running host's state in the shapes of HP-UX's {@code ipsec_report}: {@code -host} (the SPD,
 * outbound rules first, then inbound), {@code -sa ipsec}, {@code -cache}, {@code -bypass} and
 * {@code -audit}, plus the STREAMS log HP-UX reads with {@code netfmt}. The {@code -host} and
 * {@code -cache} entries follow the manual pages' printed examples line for line (HP-UX IPSec version
 * A.02.00 manpages, page 44; A.02.01 manpages, page 58); fields the manuals name without printing
 * them, the SA report, the bypass list and the STREAMS log keep the manuals' field names in IPSL's
 * own {@code Name: value} lines (runtime/README.md lists which). Keys never appear.
 */
public final class HostReport {
	private static final String HOST_BANNER = "------------------- Active Host Policy Rule ---------------------";
	private static final String CACHE_BANNER = "-------------------------Cache Policy Rule ---------------------------";
	private static final String SA_BANNER = "------------------------- IPsec SA ----------------------------";
	private static final String BYPASS_BANNER = "------------------------- Bypass List -------------------------";
	private static final String STREAMS_BANNER = "------------------------- STREAMS Log -------------------------";

	private HostReport() {
	}

	/**
	 * {@code ipsec_report -host}: each policy outbound, followed by its entries created for SAs (one
	 * per peer), then each inbound (mirrored), the default last.
	 */
	public static String spd(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (SpdEntry policy : host.policies())
			if (!policy.isDefault()) {
				out.append(policy(policy, true));
				for (IpsecHost.SaPairs pairs : host.saPairsOf(policy))
					out.append(saEntry(policy, pairs));
			}
		for (SpdEntry policy : host.policies())
			if (!policy.isDefault())
				out.append(policy(policy, false));
		for (SpdEntry policy : host.policies())
			if (policy.isDefault())
				out.append(HOST_BANNER).append('\n').append("Rule Name: default ID: ").append(policy.cookie())
						.append(" Priority: 0\nAction: ").append(policy.hostReportAction()).append("\n\n");
		return out.toString();
	}

	/** One policy in one direction, as {@code ipsec_report -host} and {@code ipsec_policy} print it. */
	public static String policy(SpdEntry policy, boolean outbound) {
		StringBuilder out = header(policy, outbound, null);
		Policy.Action action = policy.action();
		if (policy.protects()) {
			// The manual's order: the pair count under Action, then the tunnel, then the proposals.
			out.append("Number of SA(s) Needed: 1 Pair(s)\n");
			tunnelName(policy, out);
			if (policy.isManual())
				out.append("Manual SA: ").append(action.manualSa()).append('\n');
			else {
				int n = 1;
				for (Policy.Transform t : action.transforms())
					out.append("Proposal ").append(n++).append(": ").append(t.name()).append(" Lifetime (secs): ")
							.append(t.lifetimeSeconds()).append(" Lifetime (KB): ").append(t.lifetimeKilobytes())
							.append('\n');
			}
		}
		return out.append('\n').toString();
	}

	/**
	 * An outbound entry created for SAs: the policy's lines with the peer as destination (a tunnel
	 * keeps the policy's and names the tunnel), {@code State: Ready}, and each SA pair.
	 */
	private static String saEntry(SpdEntry policy, IpsecHost.SaPairs pairs) {
		StringBuilder out = header(policy, true, policy.action().tunnel() == null ? pairs.peer() : null);
		out.append("State: Ready\n");
		tunnelName(policy, out);
		for (int n = 0; n < pairs.outbound().size(); n++) {
			SaSpec spec = pairs.outbound().get(n).spec();
			out.append("SA Pair Number ").append(n + 1).append("\nSA Type: ").append(spec.protocol()).append('\n');
			if (spec.protocol() == SecurityProtocol.ESP)
				out.append("Encryption Algorithm: ").append(spec.encryption().keyword()).append('\n');
			if (spec.integrity() != IntegrityAlgorithm.NONE)
				out.append("Authentication Algorithm: ").append(spec.integrity().keyword()).append('\n');
			out.append("Outbound SPI: ").append(spi(spec.spi())).append('\n');
			pairs.inbound().stream().filter(sa -> sa.spec().protocol() == spec.protocol()).findFirst()
					.ifPresent(in -> out.append("Inbound SPI: ").append(spi(in.spec().spi())).append('\n'));
		}
		return out.append('\n').toString();
	}

	/** Banner, rule name, addresses, protocol, direction and action; {@code peer} replaces the destination. */
	private static StringBuilder header(SpdEntry policy, boolean outbound, InetAddress peer) {
		StringBuilder out = new StringBuilder(HOST_BANNER).append('\n');
		Selector s = policy.selector();
		out.append("Rule Name: ").append(policy.name()).append(" ID: ").append(policy.cookie()).append(" Priority: ")
				.append(policy.isDefault() ? 0 : policy.priority()).append('\n');
		List<IpRange> source = outbound ? s.local() : s.remote(), destination = outbound ? s.remote() : s.local();
		if (peer != null)
			destination = List.of(IpRange.parse(AuditText.address(peer)));
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
		return out.append("Action: ").append(policy.hostReportAction()).append('\n');
	}

	/**
	 * {@code Tunnel Name}: the tunnel policy's name, which is the host policy's, as {@code ipsl
	 * generate} names it (HP-UX IPSec version A.02.01 manpages, page 53).
	 */
	private static void tunnelName(SpdEntry policy, StringBuilder out) {
		if (policy.action().tunnel() != null)
			out.append("Tunnel Name: ").append(policy.name()).append('\n');
	}

	/**
	 * {@code ipsec_report -sa ipsec}: every SA of the SAD and every SPI reserved for a negotiation
	 * (Larval), with the manual's field names (HP-UX IPSec version A.02.01 manpages, page 58) and
	 * IPSL's lines for mode, lifetimes and counters; never a key.
	 */
	public static String sad(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		long sequence = 0;
		for (SecurityAssociation sa : host.securityAssociations()) {
			SaSpec spec = sa.spec();
			out.append(SA_BANNER).append('\n');
			out.append("Sequence Number: ").append(++sequence).append(" SPI: ").append(spi(spec.spi()))
					.append(" State: ").append(sa.state().label()).append('\n');
			out.append("Security Association Type: ").append(spec.protocol());
			if (spec.protocol() == SecurityProtocol.ESP)
				out.append(' ').append(spec.encryption().keyword());
			if (spec.integrity() != IntegrityAlgorithm.NONE)
				out.append(' ').append(spec.integrity().keyword());
			out.append('\n');
			out.append("Src IP Addr: ").append(AuditText.address(spec.source())).append(" Dst IP Addr: ")
					.append(AuditText.address(spec.destination())).append('\n');
			out.append("Direction: ").append(spec.direction().name().toLowerCase(Locale.ROOT)).append(" Tunnel SA: ")
					.append(spec.mode() == Mode.TUNNEL ? "Yes" : "No").append('\n');
			out.append("Lifetime (secs): ").append(spec.lifetime().hardSeconds()).append(" Lifetime (KB): ")
					.append(spec.lifetime().hardKilobytes())
					.append(sa.state() == SaState.DYING ? " Soft Lifetime: passed" : "").append('\n');
			out.append("Bytes: ").append(sa.bytes()).append(" Last Sequence Sent: ").append(sa.lastSentSequence())
					.append("\n\n");
		}
		for (SaId larval : host.sad().larval().stream().sorted(Comparator.comparingLong(SaId::spi)).toList()) {
			out.append(SA_BANNER).append('\n');
			out.append("Sequence Number: ").append(++sequence).append(" SPI: ").append(spi(larval.spi()))
					.append(" State: ").append(SaState.LARVAL.label()).append('\n');
			out.append("Security Association Type: ").append(larval.protocol()).append('\n');
			out.append("Dst IP Addr: ").append(AuditText.address(larval.destination())).append("\n\n");
		}
		return out.toString();
	}

	/** {@code ipsec_report -cache}: the decision cache by record, with the SAs each entry uses. */
	public static String cache(IpsecHost host) {
		StringBuilder out = new StringBuilder();
		for (CachedDecision entry : host.cacheEntries()) {
			Flow flow = entry.flow();
			out.append(CACHE_BANNER).append('\n');
			out.append("Cache Policy Record: ").append(entry.record()).append(" Cookie: ").append(entry.cookie())
					.append('\n');
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
							.append(spec.mode() == Mode.TUNNEL ? "Yes" : "No").append("\nSPI (hex): ")
							.append(AuditText.spi(spec.spi())).append("\nSrc IP Address: ")
							.append(AuditText.address(spec.source())).append("\nDst IP Address: ")
							.append(AuditText.address(spec.destination())).append('\n');
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

	/** The STREAMS log's lines ({@code netfmt} of the nettl log on HP-UX; IPSL's own layout). */
	public static String streams(IpsecHost host) {
		StringBuilder out = new StringBuilder(STREAMS_BANNER).append('\n');
		for (String line : host.audit().streams().lines())
			out.append(line).append('\n');
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
		return protocol == Selector.ANY ? "ALL" : IpProtocol.written(protocol, IpProtocol::hpuxName);
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

	/** "513 (0x201)", as the manuals' prose names an SPI. */
	private static String spi(long spi) {
		return spi + " (0x" + Long.toHexString(spi) + ")";
	}

	/** Every report, in {@code ipsec_report -all}'s order, then the STREAMS log when it holds lines. */
	public static String all(IpsecHost host) {
		return spd(host) + sad(host) + cache(host) + bypass(host) + audit(host)
				+ (host.audit().streams().lines().isEmpty() ? "" : streams(host));
	}
}
