package org.ipsl.catalog.proposal;

/** A proposal string strongSwan would refuse; the message says why, in the user's terms. */
public final class InvalidProposalException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public InvalidProposalException(String message) {
		super(message);
	}
}
