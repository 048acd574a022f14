package org.ipsl.runtime.audit;

import java.net.InetAddress;
import java.util.Locale;

/**
 * The event texts HP-UX's manuals print, one definition each: the runtime writes them into its
 * audit and STREAMS logs, and the peer analysis and the validators quote them as predicted
 * symptoms. Each cites the page that prints it ("A.02.00 guide" is the HP-UX IPSec version A.02.00
 * Administrator's Guide, PDF page numbers). Texts IPSL words itself are not here.
 */
public final class HpuxEvent {

	/** IKMPD, ERROR: Main Mode (authentication, policy) failed. A.02.00 guide, page 179. */
	public static final String MM_FAILED = "Main Mode processing failed";

	/** IKMPD, ERROR: no answer to Main Mode; the peer is unreachable or silently refused the proposal. A.02.00 guide, pages 178-179. */
	public static final String MM_TIMEOUT = "MM negotiation timeout";

	/** IKMPD: Quick Mode refused by the peer. A.02.00 guide, page 179 (the title of the scenario on page 177). */
	public static final String QM_FAILED = "Quick Mode processing failed";

	/** IKMPD: no answer to Quick Mode, typically an IPsec transform mismatch. A.02.00 guide, page 179. */
	public static final String QM_TIMEOUT = "QM negotiation timeout";

	/** SECPOLICYD, WARNING: an AH or ESP packet for which no SA exists. A.02.00 guide, page 183. */
	public static final String NO_SPI = "No SPI for received packet";

	/** SECPOLICYD, ALERT: an AH or ESP packet whose ICV does not verify. A.02.00 guide, page 293. */
	public static final String ICV_FAILURE = "Integrity Check Value failure";

	/** STREAMS log, not the audit file: the SA's cipher could not be set up. A.02.00 guide, page 183. */
	public static final String BAD_CIPHER = "Bad cipher SA init";

	/** STREAMS log, not the audit file: decrypted ESP padding is wrong (mismatched manual keys). A.02.00 guide, page 183. */
	public static final String PADDING = "Padding checks failed";

	/** STREAMS log: an IPsec header or trailer could not be read. A.03.00 guide, page 220 ("Can't pullup pad/protocol"). */
	public static final String CANT_PULLUP = "Can't pullup";

	private static final String SADB_ADD_EXISTS = "PF_KEY: SADB_ADD for SPI %s returns EEXIST";
	private static final String SADB_ADD_INVALID = "PF_KEY: Invalid SADB_ADD, SPI %s, errno 22";

	/** {@link #sadbAddInvalid} as the manual quotes it for any SPI, for diagnostics that know none. */
	public static final String SADB_ADD_INVALID_ANY_SPI = SADB_ADD_INVALID.formatted("0xnnnn");

	private HpuxEvent() {
	}

	/** "MM negotiation timeout, src 15.2.2.2" (A.02.00 guide, page 178). */
	public static String mmTimeout(InetAddress source) {
		return MM_TIMEOUT + ", src " + AuditText.address(source);
	}

	/** "PF_KEY: SADB_ADD for SPI 0x201 returns EEXIST": the SPI is taken (A.02.00 guide, page 183). */
	public static String sadbAddExists(long spi) {
		return SADB_ADD_EXISTS.formatted(pfKeySpi(spi));
	}

	/** "PF_KEY: Invalid SADB_ADD, SPI 0xnnnn, errno 22": an SA refused, e.g. for a weak key (A.02.00 guide, page 183). */
	public static String sadbAddInvalid(long spi) {
		return SADB_ADD_INVALID.formatted(pfKeySpi(spi));
	}

	/**
	 * An event naming a packet as the printed {@link #ICV_FAILURE} entry does: "Integrity Check
	 * Value failure - SPI: 1C97D8 IP addr: 15.13.136.52:15.13.136.171 proto: 51." (A.02.00 guide,
	 * page 293).
	 *
	 * @param packet {@link AuditText#identity}, or the addresses alone when no SPI was read
	 */
	public static String naming(String event, String packet) {
		return event + " - " + packet + ".";
	}

	/** "Kernel Policy Cache Threshold reached nnnn records." at the soft limit (A.02.00 guide, page 192). */
	public static String cacheThresholdReached(long records) {
		return "Kernel Policy Cache Threshold reached " + records + " records.";
	}

	/** "Kernel Policy Cache Threshold exceeded nnnn records." at the hard limit (A.02.00 guide, page 192). */
	public static String cacheThresholdExceeded(long records) {
		return "Kernel Policy Cache Threshold exceeded " + records + " records.";
	}

	/** PF_KEY messages print the SPI as C's {@code 0x%x}: "0x201". */
	private static String pfKeySpi(long spi) {
		return "0x" + Long.toHexString(spi).toLowerCase(Locale.ROOT);
	}
}
