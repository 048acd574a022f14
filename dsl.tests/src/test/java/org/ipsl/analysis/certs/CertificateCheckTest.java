package org.ipsl.analysis.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipsl.analysis.certs.TestPki.authority;
import static org.ipsl.analysis.certs.TestPki.issue;
import static org.ipsl.analysis.certs.TestPki.noonUtc;
import static org.ipsl.analysis.certs.TestPki.writeDer;
import static org.ipsl.analysis.certs.TestPki.writePem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.ipsl.analysis.Finding;
import org.ipsl.analysis.certs.TestPki.Authority;
import org.ipsl.diagnostics.Severity;
import org.ipsl.model.IkeIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateCheckTest {

	static final LocalDate DAY = LocalDate.of(2031, 3, 15);
	static final String CA_DN = "CN=Corp CA, O=Example, C=US";
	static final String LEAF_DN = "CN=alpha.example.com, O=Example, C=US";
	static final long LEAF_SERIAL = 10;

	static Authority ca;
	/** Another CA with the same name as {@link #ca} and its own (RSA) key. */
	static Authority impostor;
	static Authority foreign;
	static X509CertificateHolder leaf;

	@TempDir
	Path workspace;

	@BeforeAll
	static void makeThePki() {
		ca = authority(CA_DN, TestPki.ecKeys(), DAY.minusYears(5), DAY.plusYears(5));
		impostor = authority(CA_DN, TestPki.rsaKeys(), DAY.minusYears(5), DAY.plusYears(5));
		foreign = authority("CN=Other CA, O=Elsewhere", TestPki.ecKeys(), DAY.minusYears(5), DAY.plusYears(5));
		leaf = leafValid(noonUtc(DAY.minusYears(1)), noonUtc(DAY.plusYears(1)));
	}

	static X509CertificateHolder leafValid(Date notBefore, Date notAfter) {
		return issue(ca, LEAF_DN, LEAF_SERIAL, notBefore, notAfter,
				new GeneralName(GeneralName.dNSName, "alpha.example.com"),
				new GeneralName(GeneralName.dNSName, "vpn.example.com"),
				new GeneralName(GeneralName.rfc822Name, "admin@example.com"),
				new GeneralName(GeneralName.iPAddress, "192.0.2.10"),
				new GeneralName(GeneralName.iPAddress, "2001:db8::10"));
	}

	FileReference file(String written) {
		return new FileReference(written, workspace.resolve(written));
	}

	Path path(String written) {
		return workspace.resolve(written);
	}

	List<CertificateFinding> check(String certificate, String caFile, String crlFile, IkeIdentity identity) {
		return CertificateCheck.check(file(certificate), Optional.ofNullable(caFile).map(this::file),
				Optional.ofNullable(crlFile).map(this::file), Optional.ofNullable(identity), DAY);
	}

	static List<String> codes(List<CertificateFinding> findings) {
		return findings.stream().map(f -> f.input() + ":" + f.finding().code().id()).toList();
	}

	static Finding only(List<CertificateFinding> findings) {
		assertThat(findings).hasSize(1);
		return findings.get(0).finding();
	}

	void writeCaAndEmptyCrlAsPem() {
		writePem(path("certs/ca.pem"), ca.certificate());
		writePem(path("certs/ca.crl"), TestPki.crl(ca, DAY.minusDays(1), DAY.minusDays(1), 99));
	}

	@Test
	void aValidLeafWithItsCaCrlAndIdentityHasNoFinding() {
		writePem(path("certs/alpha.pem"), leaf);
		writeCaAndEmptyCrlAsPem();
		assertThat(check("certs/alpha.pem", "certs/ca.pem", "certs/ca.crl",
				new IkeIdentity(IkeIdentity.Kind.FQDN, "alpha.example.com"))).isEmpty();
	}

	@Test
	void derFilesAreReadLikePem() {
		writeDer(path("certs/alpha.der"), leaf);
		writeDer(path("certs/ca.der"), ca.certificate());
		writeDer(path("certs/ca.crl.der"), TestPki.crl(ca, DAY.minusDays(1), DAY.minusDays(1), LEAF_SERIAL));
		assertThat(codes(check("certs/alpha.der", "certs/ca.der", "certs/ca.crl.der", null)))
				.containsExactly("CERTIFICATE:cert-revoked");
	}

	@Test
	void eachMissingFileIsReportedOnItsOwnString() {
		List<CertificateFinding> findings = check("certs/gone.pem", "certs/no-ca.pem", "certs/no.crl",
				new IkeIdentity(IkeIdentity.Kind.FQDN, "alpha.example.com"));
		assertThat(codes(findings)).containsExactly("CERTIFICATE:cert-missing", "CA:cert-missing", "CRL:cert-missing");
		assertThat(findings.get(0).finding().message()).contains("certs/gone.pem").contains("is not there");
		assertThat(findings.get(1).finding().message()).contains("certs/no-ca.pem");
		assertThat(findings.get(2).finding().message()).contains("certs/no.crl");
		assertThat(findings).allSatisfy(f -> assertThat(f.finding().severity()).isEqualTo(Severity.ERROR));
	}

	@Test
	void aFolderIsNoCertificateFile() {
		TestPki.write(path("certs/folder/inside"), new byte[]{1});
		assertThat(codes(check("certs/folder", null, null, null))).containsExactly("CERTIFICATE:cert-missing");
	}

	@Test
	void aLeafIsCheckedWhenItsCaOrCrlIsMissing() {
		writePem(path("certs/alpha.pem"), leaf);
		assertThat(codes(check("certs/alpha.pem", "certs/no-ca.pem", "certs/no.crl",
				new IkeIdentity(IkeIdentity.Kind.FQDN, "beta.example.com"))))
				.containsExactly("CA:cert-missing", "CRL:cert-missing", "IDENTITY:cert-id-mismatch");
	}

	@Test
	void garbledFilesAreBadEncodings() {
		byte[] noise = new byte[700];
		new Random(42).nextBytes(noise);
		noise[0] = 0x30; // looks like DER at first glance
		TestPki.write(path("certs/noise.der"), noise);
		TestPki.write(path("certs/text.pem"), "not a certificate\n".getBytes(StandardCharsets.US_ASCII));
		TestPki.write(path("certs/empty.pem"), new byte[0]);
		TestPki.write(path("certs/bad-base64.pem"),
				"-----BEGIN CERTIFICATE-----\n@@@ not base64 @@@\n-----END CERTIFICATE-----\n"
						.getBytes(StandardCharsets.US_ASCII));
		byte[] der = encoded(leaf);
		TestPki.write(path("certs/truncated.der"), Arrays.copyOf(der, der.length / 2));
		for (String name : List.of("certs/noise.der", "certs/text.pem", "certs/empty.pem", "certs/bad-base64.pem",
				"certs/truncated.der")) {
			Finding finding = only(check(name, null, null, null));
			assertThat(finding.code().id()).as(name).isEqualTo("cert-bad-encoding");
			assertThat(finding.message()).contains(name).contains("X.509 certificate");
		}
	}

	@Test
	void aCrlIsNoCertificateAndACertificateIsNoCrl() {
		writePem(path("certs/alpha.pem"), leaf);
		writePem(path("certs/ca.pem"), ca.certificate());
		writePem(path("certs/ca.crl"), TestPki.crl(ca, DAY, DAY, 99));
		assertThat(codes(check("certs/ca.crl", "certs/ca.pem", "certs/alpha.pem", null)))
				.containsExactly("CERTIFICATE:cert-bad-encoding", "CRL:cert-bad-encoding");
		assertThat(codes(check("certs/alpha.pem", "certs/ca.crl", null, null)))
				.containsExactly("CA:cert-bad-encoding");
	}

	@ParameterizedTest
	@CsvSource({
			"-365, -1,  cert-expired,       expired on 2031-03-14",
			"-365, 0,   cert-expiring,      expires on 2031-03-15, that day",
			"-365, 1,   cert-expiring,      expires on 2031-03-16, in 1 day",
			"-365, 10,  cert-expiring,      expires on 2031-03-25, in 10 days",
			"-365, 30,  cert-expiring,      expires on 2031-04-14, in 30 days",
			"-365, 31,  '',                 ''",
			"0,    365, '',                 ''",
			"1,    365, cert-not-yet-valid, not valid before 2031-03-16",
			"2,    1,   cert-not-yet-valid, not valid before 2031-03-17"})
	void validityIsJudgedOnTheGivenDay(int notBeforeDays, int notAfterDays, String code, String says) {
		writePem(path("certs/alpha.pem"),
				leafValid(noonUtc(DAY.plusDays(notBeforeDays)), noonUtc(DAY.plusDays(notAfterDays))));
		List<CertificateFinding> findings = check("certs/alpha.pem", null, null, null);
		if (code.isEmpty()) {
			assertThat(findings).isEmpty();
			return;
		}
		Finding finding = only(findings);
		assertThat(finding.code().id()).isEqualTo(code);
		assertThat(finding.severity()).isEqualTo(code.equals("cert-expiring") ? Severity.WARNING : Severity.ERROR);
		assertThat(finding.message()).contains("certificate certs/alpha.pem").contains(says)
				.contains("checked on 2031-03-15");
	}

	@ParameterizedTest
	@CsvSource({
			"2031-03-14T23:59:59Z, 2031-03-14T23:59:59Z, cert-expired",
			"2031-03-14T23:59:59Z, 2031-03-15T00:00:00Z, cert-expiring",
			"2031-03-15T23:59:59Z, 2032-03-15T00:00:00Z, ''",
			"2031-03-16T00:00:00Z, 2032-03-15T00:00:00Z, cert-not-yet-valid"})
	void theDayIsAUtcDay(String notBefore, String notAfter, String code) {
		writePem(path("certs/alpha.pem"), leafValid(Date.from(Instant.parse(notBefore)),
				Date.from(Instant.parse(notAfter))));
		assertThat(check("certs/alpha.pem", null, null, null).stream().map(f -> f.finding().code().id()).toList())
				.isEqualTo(code.isEmpty() ? List.of() : List.of(code));
	}

	@Test
	void theCaCertificateIsJudgedOnTheDayToo() {
		Authority oldCa = authority(CA_DN, ca.keys(), DAY.minusYears(10), DAY.minusDays(3));
		writePem(path("certs/alpha.pem"), leaf);
		writePem(path("certs/old-ca.pem"), oldCa.certificate());
		List<CertificateFinding> findings = check("certs/alpha.pem", "certs/old-ca.pem", null, null);
		assertThat(codes(findings)).containsExactly("CA:cert-expired");
		assertThat(findings.get(0).finding().message())
				.contains("CA certificate certs/old-ca.pem expired on 2031-03-12");
	}

	@Test
	void aLeafListedInTheCrlIsRevoked() {
		writePem(path("certs/alpha.pem"), leaf);
		writePem(path("certs/ca.pem"), ca.certificate());
		writePem(path("certs/ca.crl"), TestPki.crl(ca, DAY.minusDays(2), DAY.minusDays(5), 3, LEAF_SERIAL, 99));
		List<CertificateFinding> findings = check("certs/alpha.pem", "certs/ca.pem", "certs/ca.crl", null);
		assertThat(codes(findings)).containsExactly("CERTIFICATE:cert-revoked");
		assertThat(findings.get(0).finding().message())
				.contains("certs/alpha.pem").contains("serial 0xa").contains("certs/ca.crl").contains("2031-03-10");
		assertThat(codes(check("certs/alpha.pem", null, "certs/ca.crl", null)))
				.containsExactly("CERTIFICATE:cert-revoked");
	}

	@Test
	void anotherIssuersCrlDoesNotRevokeASerialItHappensToList() {
		writePem(path("certs/alpha.pem"), leaf);
		writePem(path("certs/ca.pem"), ca.certificate());
		writePem(path("certs/other.crl"), TestPki.crl(foreign, DAY, DAY, LEAF_SERIAL));
		assertThat(codes(check("certs/alpha.pem", null, "certs/other.crl", null))).isEmpty();
		List<CertificateFinding> findings = check("certs/alpha.pem", "certs/ca.pem", "certs/other.crl", null);
		assertThat(codes(findings)).containsExactly("CRL:cert-untrusted");
		assertThat(findings.get(0).finding().message())
				.contains("CRL certs/other.crl is not signed by the CA certs/ca.pem");
	}

	@Test
	void aCrlInTheCasNameButNotSignedByItsKeyIsUntrusted() {
		writePem(path("certs/alpha.pem"), leaf);
		writePem(path("certs/ca.pem"), ca.certificate());
		writePem(path("certs/forged.crl"), TestPki.crl(impostor, DAY, DAY, 99));
		assertThat(codes(check("certs/alpha.pem", "certs/ca.pem", "certs/forged.crl", null)))
				.containsExactly("CRL:cert-untrusted");
	}

	@Test
	void aLeafFromAnotherCaIsUntrusted() {
		writePem(path("certs/stranger.pem"),
				issue(foreign, "CN=stranger", 5, noonUtc(DAY.minusDays(10)), noonUtc(DAY.plusYears(1))));
		writePem(path("certs/ca.pem"), ca.certificate());
		Finding finding = only(check("certs/stranger.pem", "certs/ca.pem", null, null));
		assertThat(finding.code().id()).isEqualTo("cert-untrusted");
		assertThat(finding.message()).contains("certs/stranger.pem is not issued by the CA certs/ca.pem")
				.contains("CN=Other CA").contains("CN=Corp CA");
	}

	@Test
	void aLeafInTheCasNameButNotSignedByItsKeyIsUntrusted() {
		writePem(path("certs/forged.pem"),
				issue(impostor, LEAF_DN, LEAF_SERIAL, noonUtc(DAY.minusDays(10)), noonUtc(DAY.plusYears(1))));
		writeDer(path("certs/ca.der"), ca.certificate());
		List<CertificateFinding> findings = check("certs/forged.pem", "certs/ca.der", null, null);
		assertThat(codes(findings)).containsExactly("CERTIFICATE:cert-untrusted");
		assertThat(findings.get(0).finding().message()).contains("signature does not verify");
		// and the impostor's own certificate does verify it: the check is the key, not the name
		writePem(path("certs/impostor.pem"), impostor.certificate());
		assertThat(check("certs/forged.pem", "certs/impostor.pem", null, null)).isEmpty();
	}

	@Test
	void withoutACaNoTrustIsJudged() {
		writePem(path("certs/stranger.pem"),
				issue(foreign, "CN=stranger", 5, noonUtc(DAY.minusDays(10)), noonUtc(DAY.plusYears(1))));
		assertThat(check("certs/stranger.pem", null, null, null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"fqdn,      alpha.example.com,                       true",
			"fqdn,      VPN.Example.COM,                         true",
			"fqdn,      alpha.example.com.,                      true",
			"fqdn,      beta.example.com,                        false",
			"fqdn,      admin@example.com,                       false",
			"user-fqdn, admin@example.com,                       true",
			"user-fqdn, Admin@Example.com,                       true",
			"user-fqdn, root@example.com,                        false",
			"user-fqdn, alpha.example.com,                       false",
			"ipv4,      192.0.2.10,                              true",
			"ipv4,      192.0.2.11,                              false",
			"ipv6,      2001:db8::10,                            true",
			"ipv6,      2001:DB8:0:0:0:0:0:10,                   true",
			"ipv6,      2001:db8::11,                            false",
			"dn,        'CN=alpha.example.com, O=Example, C=US', true",
			"dn,        'cn=Alpha.Example.com,o=example,  c=us', true",
			"dn,        'C=US, O=Example, CN=alpha.example.com', true",
			"dn,        'CN=alpha.example.com, O=Example',       false",
			"dn,        'CN=beta.example.com, O=Example, C=US',  false",
			"dn,        'CN=Corp CA, O=Example, C=US',           false"})
	void theIdentityMustBeTheSubjectOrAnAlternativeNameOfItsType(String kind, String value, boolean matches) {
		writePem(path("certs/alpha.pem"), leaf);
		IkeIdentity identity = new IkeIdentity(IkeIdentity.Kind.byKeyword(kind).orElseThrow(), value);
		List<CertificateFinding> findings = check("certs/alpha.pem", null, null, identity);
		if (matches) {
			assertThat(findings).isEmpty();
		} else {
			assertThat(codes(findings)).containsExactly("IDENTITY:cert-id-mismatch");
			assertThat(findings.get(0).finding().message()).contains(value).contains("certs/alpha.pem");
		}
	}

	@Test
	void aNameInTheSubjectOnlyIsNoFqdnIdentity() {
		writePem(path("certs/bare.pem"), issue(ca, LEAF_DN, 11, noonUtc(DAY.minusDays(10)), noonUtc(DAY.plusYears(1))));
		Finding finding = only(
				check("certs/bare.pem", null, null, new IkeIdentity(IkeIdentity.Kind.FQDN, "alpha.example.com")));
		assertThat(finding.code().id()).isEqualTo("cert-id-mismatch");
		assertThat(finding.message()).contains("which has none");
	}

	@ParameterizedTest
	@CsvSource({
			"ipv4, 2001:db8::10",
			"ipv4, 192.0.2.300",
			"ipv4, alpha.example.com",
			"ipv6, 192.0.2.10",
			"ipv6, localhost",
			"dn,   not an X.500 name"})
	void anIdentityThatIsNotOfItsKindIsAnInvalidValue(String kind, String value) {
		writePem(path("certs/alpha.pem"), leaf);
		IkeIdentity identity = new IkeIdentity(IkeIdentity.Kind.byKeyword(kind).orElseThrow(), value);
		assertThat(codes(check("certs/alpha.pem", null, null, identity))).containsExactly("IDENTITY:invalid-value");
	}

	@Test
	void messagesNameFilesAsWrittenAndShowNoFileContent() {
		String privateKeyLike = "-----BEGIN PRIVATE KEY-----\n"
				+ "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgSecretSecretSecretSecret\n"
				+ "-----END PRIVATE KEY-----\n";
		TestPki.write(path("keys/alpha.key"), privateKeyLike.getBytes(StandardCharsets.US_ASCII));
		List<CertificateFinding> findings = check("keys/alpha.key", "keys/alpha.key", "keys/alpha.key", null);
		assertThat(codes(findings)).containsExactly("CERTIFICATE:cert-bad-encoding", "CA:cert-bad-encoding",
				"CRL:cert-bad-encoding");
		for (CertificateFinding f : findings) {
			String message = f.finding().message();
			assertThat(message).contains("keys/alpha.key").doesNotContain(workspace.toString());
			for (int i = 0; i + 8 <= privateKeyLike.length(); i++) {
				String piece = privateKeyLike.substring(i, i + 8);
				if (!piece.isBlank() && !piece.contains("-----") && !piece.contains("KEY")) {
					assertThat(message).doesNotContain(piece);
				}
			}
		}
	}

	static byte[] encoded(X509CertificateHolder certificate) {
		try {
			return certificate.getEncoded();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
