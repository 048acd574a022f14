package org.ipsl.runtime.sad;

import java.net.InetAddress;

/** What identifies an SA (RFC 4301 4.1): SPI, destination and protocol. */
public record SaId(long spi, InetAddress destination, SecurityProtocol protocol) {
}
