package org.ipsl.importer.strongswan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A section of strongSwan's settings syntax (swanctl.conf, strongswan.conf): its settings and
 * subsections by name. A section or setting written twice is merged as strongSwan merges it: the
 * later value wins, and the earlier one is kept in {@link #overridden} so that it is still reported.
 */
final class Section {
	final String name;
	final Where at;
	final Map<String, Setting> settings = new LinkedHashMap<>();
	final Map<String, Section> sections = new LinkedHashMap<>();
	final List<Setting> overridden = new ArrayList<>();
	boolean used;

	Section(String name, Where at) {
		this.name = name;
		this.at = at;
	}

	void put(Setting setting) {
		Setting before = settings.remove(setting.key);
		if (before != null)
			overridden.add(before);
		settings.put(setting.key, setting);
	}

	Section section(String child, Where where) {
		return sections.computeIfAbsent(child, n -> new Section(n, where));
	}

	/** The setting's value, marking it used. */
	Optional<Setting> take(String key) {
		Setting setting = settings.get(key);
		if (setting != null)
			setting.used = true;
		return Optional.ofNullable(setting);
	}

	Optional<Section> takeSection(String child) {
		Section section = sections.get(child);
		if (section != null)
			section.used = true;
		return Optional.ofNullable(section);
	}
}
