package org.ipsl.importer.strongswan;

/**
 * One {@code key = value} of a configuration file, where its key is written. {@code used} is set once
 * the importer has mapped it or reported it, so that a setting left over is reported as unknown.
 */
final class Setting {
	final String key;
	final String value;
	final Where at;
	boolean used;

	Setting(String key, String value, Where at) {
		this.key = key;
		this.value = value;
		this.at = at;
	}
}
