package org.ipsl.runtime.sad;

import java.time.Duration;
import java.time.Instant;
import org.ipsl.runtime.crypto.SaCrypto;

/**
 * One SA of the SAD: its definition, its keyed crypto, and its running state (sequence numbers,
 * anti-replay window, traffic, lifetime). Packet processing holds the SA's lock for each packet
 * ({@code synchronized (sa)}), as the crypto objects are not thread-safe.
 */
public final class SecurityAssociation {

    private final SaSpec spec;
    private final SaCrypto crypto;
    private final ReplayWindow replayWindow;
    private final Instant created;
    private final SequenceCounter sent = new SequenceCounter(0);
    private long bytes;
    private SaState state = SaState.MATURE;

    SecurityAssociation(SaSpec spec, Instant created) {
        this.spec = spec;
        this.crypto = SaCrypto.create(spec.encryption(), spec.encryptionKey(), spec.integrity(), spec.integrityKey());
        this.replayWindow = new ReplayWindow(spec.replayWindow());
        this.created = created;
    }

    public SaSpec spec() {
        return spec;
    }

    public SaCrypto crypto() {
        return crypto;
    }

    public ReplayWindow replayWindow() {
        return replayWindow;
    }

    public Instant created() {
        return created;
    }

    /**
     * The sequence number for the next packet sent, counting from 1.
     *
     * @return 0 when all 2^32 - 1 numbers are used up and the SA must not send again
     */
    public synchronized long nextSequence() {
        return sent.next();
    }

    public synchronized long lastSentSequence() {
        return sent.last();
    }

    /** Bytes of the IP packets this SA protected or recovered. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized SaState state() {
        return state;
    }

    synchronized void addBytes(long count) {
        bytes += count;
    }

    /**
     * Moves the state on if a lifetime has passed at {@code now}.
     *
     * @return the new state, or {@code null} when it did not change
     */
    synchronized SaState age(Instant now) {
        long seconds = Duration.between(created, now).getSeconds();
        long kilobytes = bytes / 1024;
        Lifetime lifetime = spec.lifetime();
        SaState reached = lifetime.hardReached(seconds, kilobytes) ? SaState.DEAD
                : lifetime.softReached(seconds, kilobytes) ? SaState.DYING
                : SaState.MATURE;
        if (reached.compareTo(state) <= 0) {
            return null;
        }
        state = reached;
        return reached;
    }

    @Override
    public String toString() {
        return spec.protocol() + " SA " + Long.toHexString(spec.spi()).toUpperCase() + " to "
                + spec.destination().getHostAddress() + " (" + state + ")";
    }
}
