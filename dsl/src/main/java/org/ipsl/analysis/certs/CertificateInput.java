package org.ipsl.analysis.certs;

/** Which string of an IKE policy's authentication a certificate finding belongs on. */
public enum CertificateInput {
	CERTIFICATE, CA, CRL, IDENTITY
}
