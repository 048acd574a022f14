package org.ipsl.catalog.proposal;

/** What a proposal negotiates: the IKE SA itself, or an ESP or AH CHILD_SA. */
public enum SaProtocol {
	IKE, ESP, AH
}
