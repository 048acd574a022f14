package org.ipsl.runtime.packet;

/**
 * Where the parts of one IPv4 or IPv6 packet lie, as IPsec processing needs them.
 *
 * @param version          4 or 6
 * @param headerEnd        where the headers that stay in front of ESP or AH end: the IPv4 header with
 *                         its options, or the IPv6 header with the extension headers walked
 * @param nextHeaderOffset the byte that names the protocol found at {@code headerEnd}: the IPv4
 *                         protocol field, or the next-header field of the last IPv6 header walked
 * @param nextHeader       that protocol number
 */
public record IpLayout(int version, int headerEnd, int nextHeaderOffset, int nextHeader) {
}
