package org.ipsl.generator;

/**
 * One file for one host, before it is written.
 *
 * @param secret     it holds a preshared secret or a key: created owner-only (0600)
 * @param executable a script: executable by its owner (and by others when not secret)
 * @param markedIn   null when the file carries IPSL's header itself; else the file beside it that
 *                   carries the header and names it (a format without comments)
 */
public record GeneratedFile(String name, String content, boolean secret, boolean executable, String markedIn) {

	public GeneratedFile(String name, String content, boolean secret, boolean executable) {
		this(name, content, secret, executable, null);
	}

	/** Never the content: it may hold secrets, and records print themselves in logs and exceptions. */
	@Override
	public String toString() {
		return "GeneratedFile[" + name + (secret ? ", secret" : "") + "]";
	}
}
