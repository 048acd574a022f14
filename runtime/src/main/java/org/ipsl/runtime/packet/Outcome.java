package org.ipsl.runtime.packet;

import java.util.Objects;
import java.util.function.Supplier;

/** What IPsec processing made of one packet: the packet it produced, or why it dropped it. */
public sealed interface Outcome permits Outcome.Processed, Outcome.Dropped {

	/** The protected packet (outbound) or the recovered one (inbound). */
	record Processed(byte[] packet) implements Outcome {
		public Processed {
			Objects.requireNonNull(packet);
		}
	}

	/**
	 * Runs one packet's processing: its result, or the drop it signalled with {@link PacketDropped}.
	 * Any other exception is a fault of the engine; it becomes a {@link DropReason#PROCESSING_ERROR}
	 * drop naming the exception's class only (JCE messages are not trusted to keep keys out).
	 */
	static Outcome of(Supplier<byte[]> processing) {
		try {
			return new Processed(processing.get());
		} catch (PacketDropped drop) {
			return drop.outcome();
		} catch (RuntimeException fault) {
			return new Dropped(DropReason.PROCESSING_ERROR, fault.getClass().getName());
		}
	}

	/**
	 * @param detail what exactly was wrong, for the audit line and reports; never key material
	 */
	record Dropped(DropReason reason, String detail) implements Outcome {
		public Dropped {
			Objects.requireNonNull(reason);
			Objects.requireNonNull(detail);
		}
	}
}
