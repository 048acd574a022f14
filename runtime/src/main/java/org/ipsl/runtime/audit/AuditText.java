package org.ipsl.runtime.audit;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import org.ipsl.model.IpRange;

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
        // An Inet6Address is never IPv4-mapped (Java makes those Inet4Address), so the plain
        // 128-bit value is the model's number for it.
        return IpRange.format(new BigInteger(1, address.getAddress()));
    }
}
