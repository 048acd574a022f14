package org.ipsl.model.region;

import java.math.BigInteger;
import org.ipsl.model.IpRange;

/** The fields of a packet that selectors look at, in the order boxes store them. */
public enum Dimension {
	SOURCE, DESTINATION, PROTOCOL, SOURCE_PORT, DESTINATION_PORT, ICMP_TYPE;

	String format(BigInteger value) {
		return this == SOURCE || this == DESTINATION ? IpRange.format(value) : value.toString();
	}
}
