package org.ipsl.analysis.certs;

import static org.ipsl.analysis.certs.TestPki.authority;
import static org.ipsl.analysis.certs.TestPki.issue;
import static org.ipsl.analysis.certs.TestPki.noonUtc;
import static org.ipsl.analysis.certs.TestPki.writePem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.bouncycastle.asn1.x509.GeneralName;
import org.ipsl.analysis.certs.TestPki.Authority;

/** The {@code certs/} folder that docs/diagnostics.md's certificate examples describe, for a checked day. */
public final class DocumentedPki {
	private static final long REVOKED_SERIAL = 4;

	private DocumentedPki() {
	}

	public static void write(Path workspace, LocalDate day) {
		Path certs = workspace.resolve("certs");
		Authority ca = authority("CN=Example CA, O=Example", TestPki.ecKeys(), day.minusYears(5), day.plusYears(5));
		Authority other = authority("CN=Other CA, O=Elsewhere", TestPki.ecKeys(), day.minusYears(5), day.plusYears(5));
		writePem(certs.resolve("ca.pem"), ca.certificate());
		writePem(certs.resolve("other-ca.pem"), other.certificate());
		writePem(certs.resolve("gw.pem"), leaf(ca, 1, day.minusYears(1), day.plusYears(1)));
		writePem(certs.resolve("expired.pem"), leaf(ca, 2, day.minusYears(1), day.minusDays(10)));
		writePem(certs.resolve("future.pem"), leaf(ca, 3, day.plusDays(10), day.plusYears(1)));
		writePem(certs.resolve("revoked.pem"), leaf(ca, REVOKED_SERIAL, day.minusYears(1), day.plusYears(1)));
		writePem(certs.resolve("expiring.pem"), leaf(ca, 5, day.minusYears(1), day.plusDays(10)));
		writePem(certs.resolve("ca.crl"), TestPki.crl(ca, day.minusDays(1), day.minusDays(2), REVOKED_SERIAL));
		TestPki.write(certs.resolve("notes.pem"), "this is not a certificate\n".getBytes(StandardCharsets.US_ASCII));
	}

	private static Object leaf(Authority ca, long serial, LocalDate from, LocalDate until) {
		return issue(ca, "CN=gw.example.com, O=Example", serial, noonUtc(from), noonUtc(until),
				new GeneralName(GeneralName.dNSName, "gw.example.com"));
	}
}
