package org.ipsl.analysis.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;

/**
 * Reads the first X.509 certificate or CRL of a PEM or DER file. A failure becomes a finding whose
 * message names the file as written; the parser's own exception text is never shown, since a
 * garbled file may hold key material.
 */
final class X509Files {

	/** DER encodings of certificates and CRLs start with an ASN.1 SEQUENCE. */
	private static final byte DER_SEQUENCE = 0x30;

	/** The object read, or the finding that says why there is none. */
	record Loaded<T>(Optional<T> value, Optional<Finding> problem) {
		static <T> Loaded<T> of(T value) {
			return new Loaded<>(Optional.of(value), Optional.empty());
		}

		static <T> Loaded<T> failed(Finding problem) {
			return new Loaded<>(Optional.empty(), Optional.of(problem));
		}
	}

	private interface DerReader<T> {
		T read(byte[] der) throws IOException;
	}

	private X509Files() {
	}

	/** @param role how messages call the file: "certificate" or "CA certificate" */
	static Loaded<X509CertificateHolder> certificate(FileReference file, String role) {
		return load(file, role, "an X.509 certificate", X509CertificateHolder.class, X509CertificateHolder::new);
	}

	static Loaded<X509CRLHolder> crl(FileReference file) {
		return load(file, "CRL", "an X.509 CRL", X509CRLHolder.class, X509CRLHolder::new);
	}

	private static <T> Loaded<T> load(FileReference file, String role, String kind, Class<T> type,
			DerReader<T> derReader) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file.resolved());
		} catch (IOException | RuntimeException e) {
			String why = Files.exists(file.resolved()) ? "cannot be read" : "is not there";
			return Loaded.failed(new Finding(DiagnosticCode.CERT_MISSING, role + " file " + file.written() + " " + why
					+ ": IKE cannot use it"));
		}
		Optional<T> value;
		try {
			value = bytes.length > 0 && bytes[0] == DER_SEQUENCE
					? Optional.of(derReader.read(bytes))
					: firstPemObject(bytes, type);
		} catch (IOException | RuntimeException e) {
			value = Optional.empty();
		}
		return value.map(Loaded::of).orElseGet(() -> Loaded.failed(new Finding(DiagnosticCode.CERT_BAD_ENCODING,
				role + " file " + file.written() + " is not " + kind + " in PEM or DER: IKE cannot use it")));
	}

	private static <T> Optional<T> firstPemObject(byte[] bytes, Class<T> type) throws IOException {
		try (PEMParser pem = new PEMParser(
				new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.US_ASCII))) {
			for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
				if (type.isInstance(object)) {
					return Optional.of(type.cast(object));
				}
			}
			return Optional.empty();
		}
	}
}
