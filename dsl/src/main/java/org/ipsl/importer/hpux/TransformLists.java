package org.ipsl.importer.hpux;

import java.util.ArrayList;
import java.util.List;

import org.ipsl.catalog.Transform;
import org.ipsl.generator.hpux.HpuxNames;
import org.ipsl.generator.plan.HostPlans;
import org.ipsl.importer.hpux.BatchReader.Word;
import org.ipsl.model.Parsed;
import org.ipsl.values.Numbers;

/**
 * {@code -action} transform lists: entries {@code NAME[/seconds[/kbytes]]} joined by commas, a
 * nested entry written {@code AH_x+ESP_y} (A.02.00 guide, pages 79 and 90), as IPSL transform
 * references with their lifetimes.
 */
final class TransformLists {
	private TransformLists() {
	}

	/** The IPSL text of the list, e.g. {@code esp-aes128-hmac-sha1, ah-hmac-md5 + esp-3des-hmac-sha1 lifetime 3600}. */
	static String ipsl(Word list) throws Refusal {
		List<String> entries = new ArrayList<>();
		for (String entry : list.text().split(",", -1))
			entries.add(entry(list, entry));
		return String.join(", ", entries);
	}

	private static String entry(Word list, String entry) throws Refusal {
		String[] parts = entry.split("/", -1);
		if (entry.isEmpty() || parts.length > 3)
			throw Refusal.unreadable(list, "'" + entry + "' is not a transform entry: NAME[/seconds[/kbytes]]");
		String[] nested = parts[0].split("\\+", -1);
		if (nested.length > 2)
			throw Refusal.unreadable(list, "'" + parts[0] + "' nests more than one AH and one ESP transform");
		Transform outer = transform(list, nested[0]);
		String text = outer.keyword();
		if (nested.length == 2) {
			Transform inner = transform(list, nested[1]);
			if (outer.protocol() != Transform.Protocol.AH || inner.protocol() != Transform.Protocol.ESP)
				throw Refusal.unreadable(list,
						"'" + parts[0] + "' is not an AH transform nested around an ESP transform");
			text += " + " + inner.keyword();
		}
		long seconds = parts.length > 1
				? number(list, Numbers.lifetimeSeconds(parts[1]))
				: HostPlans.DEFAULT_LIFETIME_SECONDS;
		long kilobytes = parts.length > 2 ? number(list, Numbers.lifetimeKilobytes(parts[2] + "KB")) : 0;
		if (seconds != HostPlans.DEFAULT_LIFETIME_SECONDS || kilobytes != 0)
			text += " lifetime " + seconds + (kilobytes != 0 ? " " + kilobytes + "KB" : "");
		return text;
	}

	/** The IPSL transform an HP-UX transform name stands for. */
	static Transform transform(Word at, String hpuxName) throws Refusal {
		return HpuxNames.transform(hpuxName).orElseThrow(() -> Refusal.inexpressible(at, "transform '" + hpuxName
				+ "' has no IPSL equivalent (IPSL's transforms are listed in LANGUAGE.md; unauthenticated ESP is not among them)"));
	}

	private static long number(Word at, Parsed<Long> value) throws Refusal {
		if (!value.ok())
			throw Refusal.unreadable(at, value.error());
		return value.value();
	}
}
