package org.ipsl.catalog.proposal;

/**
 * How a responder (or an initiator checking the answer) selects a proposal, as strongSwan's flags do.
 *
 * @param preferSupplied the peer's order wins ({@code charon.prefer_configured_proposals = no});
 *                       by default the selecting side's configured order wins
 * @param skipKeyExchange ignore key exchange methods: the CHILD_SA created with IKE_AUTH has no KE of its own
 * @param skipPrivate     never select a private-use algorithm: strongSwan does so unless the peer sent
 *                        strongSwan's vendor ID ({@code send_vendor_id}, off by default)
 */
public record SelectionFlags(boolean preferSupplied, boolean skipKeyExchange, boolean skipPrivate) {

	/** An IKE_SA, or a CHILD_SA created or rekeyed with CREATE_CHILD_SA, between two default strongSwans. */
	public static final SelectionFlags DEFAULT = new SelectionFlags(false, false, true);

	/** The CHILD_SA negotiated within IKE_AUTH between two default strongSwans. */
	public static final SelectionFlags IKE_AUTH_CHILD = new SelectionFlags(false, true, true);
}
