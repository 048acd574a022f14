package org.ipsl.runtime.sad;

/** Why the SAD refused an SA, as HP-UX's PF_KEY and SECPOLICYD would. */
public enum SadRefusal {
	/** SPI 0-255, reserved by RFC 4303: errno 22. */
	RESERVED_SPI,
	/** A key whose length does not fit its algorithm: errno 22. */
	KEY_LENGTH,
	/** An algorithm combination IPsec does not define, e.g. ESP with neither encryption nor integrity: errno 22. */
	ALGORITHMS,
	/** A weak or semi-weak DES key, or a 3DES key that is single DES: errno 22. */
	WEAK_KEY,
	/** A manual inbound SPI inside the dynamic range. */
	SPI_IN_DYNAMIC_RANGE,
	/** An SA with the same SPI, destination and protocol exists: EEXIST. */
	DUPLICATE
}
