package org.ipsl.ast;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ipsl.model.IpRange;
import org.ipsl.values.AddressRange;
import org.ipsl.values.IpAddress;

/**
 * The range an address text stands for, parsed once per distinct text. Every validation builds the
 * rules of every policy again, and parsing their addresses was most of it; a text always means the
 * same range, so nothing here can go stale. Bounded: emptied when it holds too many texts (an
 * editor sends every prefix of an address being typed).
 */
public final class AddressRanges {
	private static final int LIMIT = 1 << 16;
	private static final Map<String, Optional<IpRange>> RANGES = new ConcurrentHashMap<>();

	private AddressRanges() {
	}

	/** The range of an address, prefix or range text; empty when the text is not a valid one (or none). */
	public static Optional<IpRange> of(String text) {
		if (text == null)
			return Optional.empty();
		Optional<IpRange> range = RANGES.get(text);
		if (range == null) {
			if (RANGES.size() >= LIMIT)
				RANGES.clear();
			boolean valid = AddressRange.isRange(text) ? AddressRange.parse(text).ok() : IpAddress.parse(text).ok();
			range = valid ? Optional.of(IpRange.parse(text)) : Optional.empty();
			RANGES.put(text, range);
		}
		return range;
	}
}
