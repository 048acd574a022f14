package org.ipsl.analysis.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates, CAs and CRLs made at test time, written as PEM or DER files. */
final class TestPki {

	private static final Provider BC = new BouncyCastleProvider();

	/** A CA: its name, its key pair, its self-signed certificate. */
	record Authority(X500Name name, KeyPair keys, X509CertificateHolder certificate) {
	}

	private TestPki() {
	}

	static KeyPair ecKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
			generator.initialize(2048);
			return generator.generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static Date noonUtc(LocalDate day) {
		return Date.from(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
	}

	static Authority authority(String dn, KeyPair keys, LocalDate notBefore, LocalDate notAfter) {
		X500Name name = new X500Name(dn);
		var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, noonUtc(notBefore), noonUtc(notAfter), name,
				keys.getPublic());
		try {
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Authority(name, keys, builder.build(signer(keys)));
	}

	static X509CertificateHolder issue(Authority issuer, String subjectDn, long serial, Date notBefore, Date notAfter,
			GeneralName... alternativeNames) {
		var builder = new JcaX509v3CertificateBuilder(issuer.name(), BigInteger.valueOf(serial), notBefore, notAfter,
				new X500Name(subjectDn), ecKeys().getPublic());
		try {
			if (alternativeNames.length > 0) {
				builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return builder.build(signer(issuer.keys()));
	}

	static X509CRLHolder crl(Authority issuer, LocalDate thisUpdate, LocalDate revokedOn, long... revokedSerials) {
		X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.name(), noonUtc(thisUpdate));
		builder.setNextUpdate(noonUtc(thisUpdate.plusDays(30)));
		for (long serial : revokedSerials) {
			builder.addCRLEntry(BigInteger.valueOf(serial), noonUtc(revokedOn), CRLReason.keyCompromise);
		}
		return builder.build(signer(issuer.keys()));
	}

	private static ContentSigner signer(KeyPair keys) {
		String algorithm = keys.getPrivate().getAlgorithm().startsWith("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
		try {
			return new JcaContentSignerBuilder(algorithm).setProvider(BC).build(keys.getPrivate());
		} catch (OperatorCreationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Writes a certificate or CRL holder as PEM, creating parent folders. */
	static Path writePem(Path file, Object holder) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
			pem.writeObject(holder);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
	}

	static Path writeDer(Path file, X509CertificateHolder certificate) {
		try {
			return write(file, certificate.getEncoded());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Path writeDer(Path file, X509CRLHolder crl) {
		try {
			return write(file, crl.getEncoded());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Path write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			return Files.write(file, bytes);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
