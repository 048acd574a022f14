package org.ipsl.importer.strongswan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ipsl.importer.ImportedText;
import org.ipsl.importer.strongswan.Connection.Psk;

/**
 * ipsec.secrets: entries {@code [SELECTOR...] : TYPE SECRET}, continued on indented lines, with
 * {@code include FILE}. PSK entries are imported; RSA/ECDSA private keys are ignored (certificate
 * authentication is imported by identity); EAP, XAUTH and the other kinds are not expressible.
 */
final class IpsecSecretsReader {
	private final Problems problems;
	final List<Psk> psks = new ArrayList<>();

	IpsecSecretsReader(Problems problems) {
		this.problems = problems;
	}

	boolean read(Path file, int depth) throws IOException {
		ImportedText.Result text = ImportedText.read(file, Files.readAllBytes(file), "an ipsec.secrets");
		if (text.problem() != null) {
			problems.problems.add(text.problem());
			return false;
		}
		List<String> lines = text.lines();
		StringBuilder entry = null;
		Where at = null;
		for (int i = 0; i <= lines.size(); i++) {
			String row = i < lines.size() ? lines.get(i) : "";
			boolean continued = i < lines.size() && !row.isEmpty() && (row.charAt(0) == ' ' || row.charAt(0) == '\t')
					&& entry != null && !row.isBlank();
			if (continued) {
				entry.append(' ').append(row.trim());
				continue;
			}
			if (entry != null)
				entry(entry.toString(), at);
			entry = null;
			String trimmed = IpsecConfReader.stripComment(row).trim();
			if (i >= lines.size() || trimmed.isEmpty())
				continue;
			int indent = row.indexOf(trimmed.charAt(0));
			Where here = new Where(file, i + 1, indent + 1);
			if (trimmed.startsWith("include ")) {
				String pattern = trimmed.substring("include ".length()).trim();
				Path target = file.toAbsolutePath().getParent().resolve(pattern);
				if (depth >= 16)
					problems.unreadable(here, "includes nested deeper than 16 files");
				else if (Files.isRegularFile(target))
					read(target, depth + 1);
				else if (!pattern.contains("*"))
					problems.unreadable(here, "include " + pattern + ": no such file");
				continue;
			}
			entry = new StringBuilder(trimmed);
			at = here;
		}
		return true;
	}

	private void entry(String text, Where at) {
		int colon = colon(text);
		if (colon < 0) {
			problems.unreadable(at, "an entry without ':' (SELECTORS : TYPE SECRET was expected)");
			return;
		}
		List<String> ids = words(text.substring(0, colon));
		List<String> rest = words(text.substring(colon + 1));
		if (rest.isEmpty()) {
			problems.unreadable(at, "an entry without a type after ':'");
			return;
		}
		String type = rest.get(0).toUpperCase(Locale.ROOT);
		switch (type) {
			case "PSK" -> {
				if (rest.size() < 2) {
					problems.unreadable(at, "a PSK entry without its secret");
					return;
				}
				String value = Secrets.decode(new Setting("PSK", rest.get(1), at), problems);
				ids.removeIf(id -> id.equals("%any") || id.equals("%any6"));
				if (value != null)
					psks.add(new Psk(ids, value, at));
			}
			case "RSA", "ECDSA", "BLISS", "PKCS8", "P12", "PIN", "PKCS12" -> problems.ignored(at, type + " secrets",
					"a private key for certificate authentication (certificate authentication is imported by identity)");
			case "EAP", "XAUTH", "NTLM" -> problems.inexpressible(at, "a " + type + " secret not imported: "
					+ (type.equals("XAUTH") ? "IPSL has no XAUTH" : "IPSL has no EAP"));
			default -> problems.inexpressible(at, "a " + type + " secret not imported: an unknown kind of secret");
		}
	}

	/** The ':' that ends the selectors: the first one outside quotes followed by a blank (IPv6 addresses hold colons). */
	private static int colon(String text) {
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"')
				quoted = !quoted;
			else if (c == ':' && !quoted
					&& (i + 1 == text.length() || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t'))
				return i;
		}
		return -1;
	}

	/** Blank-separated words; a double-quoted word keeps its blanks and loses its quotes. */
	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t') {
				i++;
				continue;
			}
			if (c == '"' || c == '\'') {
				int close = text.indexOf(c, i + 1);
				int end = close < 0 ? text.length() : close;
				words.add(text.substring(i + 1, end));
				i = end + 1;
				continue;
			}
			int start = i;
			while (i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != '\t')
				i++;
			words.add(text.substring(start, i));
		}
		return words;
	}
}
