package org.ipsl.analysis.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.IPAddress;
import org.ipsl.analysis.Finding;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.IkeIdentity;
import org.ipsl.runtime.audit.HpuxEvent;

/** Whether an IKE identity is the certificate's subject or one of its alternative names. */
final class IdentityMatch {

	private IdentityMatch() {
	}

	static Optional<Finding> check(IkeIdentity identity, X509CertificateHolder certificate, String certificateName) {
		return switch (identity.kind()) {
			case DN -> checkDn(identity, certificate, certificateName);
			case FQDN -> checkName(identity, certificate, certificateName, GeneralName.dNSName, "dNSName");
			case USER_FQDN -> checkName(identity, certificate, certificateName, GeneralName.rfc822Name, "rfc822Name");
			case IPV4, IPV6 -> checkAddress(identity, certificate, certificateName);
			// A key id names the key, not the certificate; any is never sent.
			case KEY_ID, ANY -> Optional.empty();
		};
	}

	/**
	 * X.500 names compare attribute by attribute, ignoring case and spacing; BouncyCastle's
	 * comparison also accepts the two customary orders of writing the RDNs.
	 */
	private static Optional<Finding> checkDn(IkeIdentity identity, X509CertificateHolder certificate,
			String certificateName) {
		X500Name dn;
		try {
			dn = new X500Name(BCStyle.INSTANCE, identity.value());
		} catch (RuntimeException e) {
			return Optional.of(invalid(identity, "an X.500 name such as \"CN=alpha, O=Example, C=US\""));
		}
		return dn.equals(certificate.getSubject())
				? Optional.empty()
				: Optional.of(mismatch(identity, "is not the subject of " + certificateName
						+ " (" + certificate.getSubject() + ")"));
	}

	/** DNS names and mail domains are case-insensitive; a trailing dot ends an absolute DNS name. */
	private static Optional<Finding> checkName(IkeIdentity identity, X509CertificateHolder certificate,
			String certificateName, int tag, String typeName) {
		String wanted = normalizedName(identity.value());
		List<String> names = alternativeNames(certificate, tag).stream()
				.map(name -> ASN1String.class.cast(name.getName()).getString())
				.toList();
		return names.stream().anyMatch(name -> normalizedName(name).equals(wanted))
				? Optional.empty()
				: Optional.of(mismatch(identity, "is not a " + typeName + " of " + certificateName
						+ describe(names)));
	}

	private static String normalizedName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static Optional<Finding> checkAddress(IkeIdentity identity, X509CertificateHolder certificate,
			String certificateName) {
		boolean v4 = identity.kind() == IkeIdentity.Kind.IPV4;
		String text = identity.value();
		if (v4 ? !IPAddress.isValidIPv4(text) : !IPAddress.isValidIPv6(text)) {
			return Optional.of(invalid(identity, v4 ? "an IPv4 address" : "an IPv6 address"));
		}
		byte[] wanted = literalAddress(text);
		List<byte[]> addresses = alternativeNames(certificate, GeneralName.iPAddress).stream()
				.map(name -> ASN1OctetString.getInstance(name.getName()).getOctets())
				.toList();
		return addresses.stream().anyMatch(address -> Arrays.equals(address, wanted))
				? Optional.empty()
				: Optional.of(mismatch(identity, "is not an iPAddress of " + certificateName
						+ describe(addresses.stream().map(IdentityMatch::formatAddress).toList())));
	}

	/** Only called on a validated literal, so no name lookup happens. */
	private static byte[] literalAddress(String literal) {
		try {
			return InetAddress.getByName(literal).getAddress();
		} catch (UnknownHostException e) {
			throw new IllegalStateException("validated address literal did not parse", e);
		}
	}

	private static String formatAddress(byte[] address) {
		try {
			return InetAddress.getByAddress(address).getHostAddress();
		} catch (UnknownHostException e) {
			return "(" + address.length + "-byte address)";
		}
	}

	private static List<GeneralName> alternativeNames(X509CertificateHolder certificate, int tag) {
		List<GeneralName> names = new ArrayList<>();
		Extension extension = certificate.getExtension(Extension.subjectAlternativeName);
		if (extension != null) {
			for (GeneralName name : GeneralNames.getInstance(extension.getParsedValue()).getNames()) {
				if (name.getTagNo() == tag) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static String describe(List<String> names) {
		return names.isEmpty() ? ", which has none" : " (it has " + String.join(", ", names) + ")";
	}

	private static Finding mismatch(IkeIdentity identity, String why) {
		return new Finding(DiagnosticCode.CERT_ID_MISMATCH, "identity " + identity + " " + why
				+ ": the peer's IKE authentication fails (" + HpuxEvent.MM_FAILED + ")");
	}

	private static Finding invalid(IkeIdentity identity, String expected) {
		return new Finding(DiagnosticCode.INVALID_VALUE, "identity " + identity + " is not " + expected);
	}
}
