package org.ipsl.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An inclusive interval of addresses, each a 128-bit unsigned number. IPv4 addresses live in
 * the IPv4-mapped block ::ffff:0:0/96 (RFC 4291 2.5.5.2), so the two families never overlap.
 */
public record IpRange(BigInteger first, BigInteger last) implements Comparable<IpRange> {

    public static final BigInteger MAX_ADDRESS = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger IPV4_BASE = BigInteger.valueOf(0xffffL).shiftLeft(32);
    private static final BigInteger IPV4_SIZE = BigInteger.ONE.shiftLeft(32);

    /** Every address of both families. */
    public static final IpRange ALL = new IpRange(BigInteger.ZERO, MAX_ADDRESS);
    /** Every IPv4 address, 0.0.0.0/0. */
    public static final IpRange IPV4 = new IpRange(IPV4_BASE, IPV4_BASE.add(IPV4_SIZE).subtract(BigInteger.ONE));
    /** Every IPv6 address: all of the 128-bit space except the IPv4-mapped block. */
    public static final List<IpRange> IPV6 = List.of(
            new IpRange(BigInteger.ZERO, IPV4_BASE.subtract(BigInteger.ONE)),
            new IpRange(IPV4_BASE.add(IPV4_SIZE), MAX_ADDRESS));

    public IpRange {
        if (first.signum() < 0 || last.compareTo(MAX_ADDRESS) > 0 || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("not an address range: " + first + ".." + last);
        }
    }

    /**
     * An address ("10.1.1.10", "::1"), a prefix ("10.1.0.0/16", "2001:db8::/32"; host bits are
     * ignored) or a range of one family ("10.1.0.17..10.1.0.20").
     */
    public static IpRange parse(String text) {
        int dots = text.indexOf("..");
        if (dots >= 0) {
            String firstText = text.substring(0, dots), lastText = text.substring(dots + 2);
            if (firstText.contains("/") || lastText.contains("/") || firstText.contains(":") != lastText.contains(":")) {
                throw new IllegalArgumentException("not an address range: " + text);
            }
            return new IpRange(parseAddress(firstText), parseAddress(lastText));
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        boolean ipv6 = addressText.indexOf(':') >= 0;
        BigInteger address = ipv6 ? parseIpv6(addressText) : parseIpv4(addressText);
        if (slash < 0) {
            return new IpRange(address, address);
        }
        int maxLength = ipv6 ? 128 : 32;
        int length = parseDecimal(text.substring(slash + 1), maxLength, text);
        return prefix(address, 128 - (maxLength - length));
    }

    /** One address, as text. */
    public static BigInteger parseAddress(String text) {
        return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
    }

    /** The prefix of the given length (counted over all 128 bits) around the address. */
    private static IpRange prefix(BigInteger address, int length128) {
        BigInteger hostMask = BigInteger.ONE.shiftLeft(128 - length128).subtract(BigInteger.ONE);
        BigInteger network = address.andNot(hostMask);
        return new IpRange(network, network.or(hostMask));
    }

    public boolean isIpv4() {
        return IPV4.contains(this);
    }

    public boolean isIpv6() {
        return !overlaps(IPV4);
    }

    public boolean contains(IpRange other) {
        return first.compareTo(other.first) <= 0 && other.last.compareTo(last) <= 0;
    }

    public boolean contains(BigInteger address) {
        return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }

    public boolean overlaps(IpRange other) {
        return first.compareTo(other.last) <= 0 && other.first.compareTo(last) <= 0;
    }

    public Optional<IpRange> intersect(IpRange other) {
        if (!overlaps(other)) {
            return Optional.empty();
        }
        return Optional.of(new IpRange(first.max(other.first), last.min(other.last)));
    }

    /** Number of addresses. */
    public BigInteger size() {
        return last.subtract(first).add(BigInteger.ONE);
    }

    @Override
    public int compareTo(IpRange other) {
        int byFirst = first.compareTo(other.first);
        return byFirst != 0 ? byFirst : last.compareTo(other.last);
    }

    /** "10.1.0.0/16", "10.1.1.10", "2001:db8::/32", or "first..last" when not a prefix. */
    @Override
    public String toString() {
        BigInteger size = size();
        boolean isPrefix = size.bitCount() == 1 && first.mod(size).signum() == 0;
        if (!isPrefix) {
            return format(first) + ".." + format(last);
        }
        int hostBits = size.bitLength() - 1;
        if (isIpv4()) {
            return hostBits == 0 ? format(first) : format(first) + "/" + (32 - hostBits);
        }
        return hostBits == 0 ? format(first) : formatIpv6(first) + "/" + (128 - hostBits);
    }

    /** An address as text: dotted IPv4 inside the mapped block, RFC 5952 IPv6 otherwise. */
    public static String format(BigInteger address) {
        if (IPV4.contains(address)) {
            long v4 = address.subtract(IPV4_BASE).longValueExact();
            return (v4 >>> 24) + "." + ((v4 >>> 16) & 0xff) + "." + ((v4 >>> 8) & 0xff) + "." + (v4 & 0xff);
        }
        return formatIpv6(address);
    }

    private static String formatIpv6(BigInteger address) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        // RFC 5952 4.2: the longest run of two or more zero groups (the first on a tie) becomes "::".
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static BigInteger parseIpv4(String text) {
        return IPV4_BASE.add(BigInteger.valueOf(parseIpv4Bits(text, text)));
    }

    private static long parseIpv4Bits(String text, String whole) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + whole);
        }
        long bits = 0;
        for (String octet : octets) {
            bits = bits << 8 | parseDecimal(octet, 255, whole);
        }
        return bits;
    }

    private static BigInteger parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        List<Integer> head = parseIpv6Groups(gap < 0 ? text : text.substring(0, gap), gap < 0, text);
        List<Integer> tail = gap < 0 ? List.of() : parseIpv6Groups(text.substring(gap + 2), true, text);
        int missing = 8 - head.size() - tail.size();
        if (gap < 0 ? missing != 0 : missing < 1) {
            throw new IllegalArgumentException("not an IPv6 address: " + text);
        }
        BigInteger address = BigInteger.ZERO;
        for (int group : head) {
            address = address.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        address = address.shiftLeft(16 * missing);
        for (int group : tail) {
            address = address.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return address;
    }

    /** Colon-separated hex groups; the address's last field may be a dotted IPv4 address, which counts as two. */
    private static List<Integer> parseIpv6Groups(String part, boolean endsAddress, String whole) {
        List<Integer> groups = new ArrayList<>();
        if (part.isEmpty()) {
            return groups;
        }
        String[] fields = part.split(":", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (endsAddress && i == fields.length - 1 && field.indexOf('.') >= 0) {
                long v4 = parseIpv4Bits(field, whole);
                groups.add((int) (v4 >>> 16));
                groups.add((int) (v4 & 0xffff));
            } else if (field.length() >= 1 && field.length() <= 4 && field.chars().allMatch(IpRange::isHexDigit)) {
                groups.add(Integer.parseInt(field, 16));
            } else {
                throw new IllegalArgumentException("not an IPv6 address: " + whole);
            }
        }
        return groups;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int parseDecimal(String digits, int max, String whole) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not an address or prefix: " + whole);
        }
        int value = Integer.parseInt(digits);
        if (value > max) {
            throw new IllegalArgumentException("not an address or prefix: " + whole);
        }
        return value;
    }
}
