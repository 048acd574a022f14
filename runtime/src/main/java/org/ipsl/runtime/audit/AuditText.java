package org.ipsl.runtime.audit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

/** The pieces of HP-UX event lines that name an SA or a packet. */
public final class AuditText {

    private AuditText() {
    }

    /**
     * "SPI: 1FE472 IP addr: 10.1.1.1-10.2.2.2 proto: 50", as in HP-UX's {@code No SPI for received
     * packet} entry: the SPI in hex, source-destination, the IP protocol number.
     */
    public static String identity(long spi, InetAddress source, InetAddress destination, int protocol) {
        return "SPI: " + spi(spi) + " IP addr: " + address(source) + "-" + address(destination) + " proto: " + protocol;
    }

    public static String spi(long spi) {
        return Long.toHexString(spi).toUpperCase(Locale.ROOT);
    }

    /** Dotted IPv4, or IPv6 in its RFC 5952 short form. */
    public static String address(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        // RFC 5952 4.2: the longest run of two or more zero groups, the first on a tie, becomes "::".
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = Math.max(i, j - 1);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
