package org.ipsl.generator.hpux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.ipsl.catalog.DhGroup;
import org.ipsl.catalog.IkeEncryption;
import org.ipsl.catalog.IkeHash;
import org.ipsl.catalog.Transform;
import org.ipsl.generator.HpuxRelease;

/**
 * The capability table per HP-UX release that docs/generators.md shows, made from
 * {@link HpuxCapabilities} itself so that the documentation cannot drift from the generator.
 */
public final class HpuxCapabilityTable {
	private HpuxCapabilityTable() {
	}

	/** A Markdown table: one row per IPSL construct, one column per release. */
	public static String markdown() {
		List<HpuxCapabilities> releases = Arrays.stream(HpuxRelease.values()).map(HpuxCapabilities::new).toList();
		StringBuilder out = new StringBuilder("| IPSL |");
		releases.forEach(r -> out.append(' ').append(r.release().keyword()).append(" |"));
		out.append("\n|---|");
		releases.forEach(r -> out.append("---|"));
		out.append('\n');
		List<Row> rows = new ArrayList<>();
		for (Transform t : Transform.values())
			rows.add(new Row("transform `" + t.keyword() + "`",
					c -> cell(c.transform(t.protocol() == Transform.Protocol.AH ? null : t.encryption(),
							t.integrity()))));
		rows.add(new Row("nested `ah-… + esp-…`", c -> c.nested() ? "yes, one per list" : "—"));
		rows.add(new Row("transforms per list", c -> c.maxAh() + " AH or " + c.maxEsp() + " ESP"));
		for (IkeEncryption e : IkeEncryption.values())
			rows.add(new Row("IKE encryption `" + e.keyword() + "`", c -> cell(c.ikeEncryption(e))));
		for (IkeHash h : IkeHash.values())
			rows.add(new Row("IKE hash `" + h.keyword() + "`", c -> cell(c.ikeHash(h))));
		for (DhGroup g : DhGroup.values())
			rows.add(new Row("group `" + g.keyword() + "`", c -> cell(c.group(g))));
		rows.add(new Row("IKE policy object", c -> "`add " + c.ikeObject() + "`"));
		rows.add(new Row("IKE proposals per policy", c -> "1"));
		rows.add(new Row("authentication method", c -> c.a03()
				? "`add auth -local_method/-remote_method`*"
				: "`add " + c.ikeObject() + " -auth PSK` or `-auth RSASIG`"));
		rows.add(new Row("`mode aggressive`", c -> !c.aggressiveMode()
				? "—"
				: c.a03() ? "`add auth -exchange AM`*" : "`add auth -exchange AM`"));
		rows.add(new Row("`max-quick-modes N`", c -> c.maxQuickModes() ? "`-maxqm N`" : "—"));
		rows.add(new Row("`pfs GROUP` on a policy", c -> c.a03()
				? "`-pfs ON`* when GROUP is the IKE policy's group"
				: "— (use `max-quick-modes 1`)"));
		rows.add(new Row("`exclusive`", c -> "`-flags EXCLUSIVE` (not with a tunnel)"));
		rows.add(new Row("IPv6 bypass address", c -> c.ipv6Bypass() ? "yes*" : "—"));
		for (Row row : rows) {
			out.append("| ").append(row.construct()).append(" |");
			releases.forEach(c -> out.append(' ').append(row.cell().apply(c)).append(" |"));
			out.append('\n');
		}
		return out.toString();
	}

	private record Row(String construct, Function<HpuxCapabilities, String> cell) {
	}

	/** {@code NAME} when the release's text prints it, {@code NAME}* when not, — when the release has none. */
	private static String cell(Optional<HpuxCapabilities.Name> name) {
		return name.map(n -> "`" + n.name() + "`" + (n.confirmed() ? "" : "*")).orElse("—");
	}
}
