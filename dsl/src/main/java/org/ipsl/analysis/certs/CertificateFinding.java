package org.ipsl.analysis.certs;

import org.ipsl.analysis.Finding;

public record CertificateFinding(CertificateInput input, Finding finding) {
}
