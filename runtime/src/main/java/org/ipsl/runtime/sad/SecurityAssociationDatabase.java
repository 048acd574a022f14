package org.ipsl.runtime.sad;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.AuditSource;
import org.ipsl.runtime.audit.AuditText;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.crypto.EncryptionAlgorithm;
import org.ipsl.runtime.crypto.IntegrityAlgorithm;
import org.ipsl.runtime.crypto.WeakKeys;

/**
 * The SAD of one host: SAs by SPI, destination and protocol. Manual SAs are refused as HP-UX
 * refuses them (audit text and {@link SaAddition.Refused}); SPIs for inbound dynamic SAs come from
 * the dynamic range, lowest free one after the last given; lifetimes run on the injected clock.
 * Lookups are lock-free; changes are serialised.
 */
public final class SecurityAssociationDatabase {

	private final SpiRange dynamicRange;
	private final Clock clock;
	private final AuditLog audit;
	private final ConcurrentHashMap<SaId, SecurityAssociation> sas = new ConcurrentHashMap<>();
	/** The same SAs, for received packets ({@link #find(long, byte[], int, int, SecurityProtocol)}); replaced under this SAD's lock. */
	private volatile SpiIndex bySpi = SpiIndex.EMPTY;
	/** SPIs handed out by {@link #allocateSpi} whose SA is not added yet: HP-UX's Larval SAs. */
	private final Set<SaId> larval = new HashSet<>();
	private long nextDynamicSpi;

	public SecurityAssociationDatabase(SpiRange dynamicRange, Clock clock, AuditLog audit) {
		this.dynamicRange = dynamicRange;
		this.clock = clock;
		this.audit = audit;
		this.nextDynamicSpi = dynamicRange.low();
	}

	public SpiRange dynamicRange() {
		return dynamicRange;
	}

	/**
	 * Adds a manually keyed SA, unless HP-UX would refuse it: an invalid SA (errno 22), an SPI,
	 * destination and protocol that an SA has or a negotiation reserved (EEXIST, as in the manual's
	 * example of inbound SPI 513 taken by a dynamic SA: HP-UX IPSec version A.02.00 Administrator's
	 * Guide, page 183), or any other inbound SPI inside the dynamic range, which the manual forbids.
	 */
	public synchronized SaAddition addManual(SaSpec spec) {
		Optional<SaAddition.Refused> refused = invalid(spec);
		if (refused.isEmpty() && taken(spec.id())) {
			refused = Optional.of(refuse(SadRefusal.DUPLICATE, HpuxEvent.sadbAddExists(spec.spi())));
		}
		if (refused.isEmpty() && spec.direction() == Direction.INBOUND && dynamicRange.contains(spec.spi())) {
			refused = Optional.of(refuse(SadRefusal.SPI_IN_DYNAMIC_RANGE, "Manual SA " + identity(spec)
					+ " lies in the dynamic SPI range " + dynamicRange + "; manual SA not added"));
		}
		return refused.isPresent() ? refused.get() : add(spec, "Manual");
	}

	/**
	 * Adds an SA a negotiation produced; an inbound one normally carries an SPI from
	 * {@link #allocateSpi}, which this completes.
	 */
	public synchronized SaAddition addDynamic(SaSpec spec) {
		Optional<SaAddition.Refused> refused = invalid(spec);
		if (refused.isPresent()) {
			return refused.get();
		}
		larval.remove(spec.id());
		return add(spec, "Dynamic");
	}

	private SaAddition add(SaSpec spec, String kind) {
		if (taken(spec.id())) {
			return refuse(SadRefusal.DUPLICATE, HpuxEvent.sadbAddExists(spec.spi()));
		}
		SecurityAssociation sa = new SecurityAssociation(spec, clock.instant());
		sas.put(spec.id(), sa);
		bySpi = bySpi.with(sa);
		audit.record(AuditSource.SECPOLICYD, AuditLevel.INFORMATIVE, kind + " " + spec.direction().name().toLowerCase()
				+ " SA added - " + identity(spec));
		return new SaAddition.Added(sa);
	}

	private boolean taken(SaId id) {
		return sas.containsKey(id) || larval.contains(id);
	}

	/** The errno 22 checks of PF_KEY's SADB_ADD, first failing one. */
	private Optional<SaAddition.Refused> invalid(SaSpec spec) {
		if (spec.spi() <= SaSpec.HIGHEST_RESERVED_SPI) {
			return Optional.of(invalidAdd(SadRefusal.RESERVED_SPI, spec, "SPIs 0-255 are reserved"));
		}
		String algorithms = algorithmProblem(spec);
		if (algorithms != null) {
			return Optional.of(invalidAdd(SadRefusal.ALGORITHMS, spec, algorithms));
		}
		if (spec.encryptionKey().length() != spec.encryption().keyMaterialBytes()) {
			return Optional
					.of(invalidAdd(SadRefusal.KEY_LENGTH, spec, "encryption key of " + spec.encryptionKey().length()
							+ " bytes, " + spec.encryption() + " takes " + spec.encryption().keyMaterialBytes()));
		}
		if (spec.integrityKey().length() != spec.integrity().keyBytes()) {
			return Optional
					.of(invalidAdd(SadRefusal.KEY_LENGTH, spec, "integrity key of " + spec.integrityKey().length()
							+ " bytes, " + spec.integrity() + " takes " + spec.integrity().keyBytes()));
		}
		if (WeakKeys.isWeak(spec.encryption(), spec.encryptionKey())) {
			return Optional.of(invalidAdd(SadRefusal.WEAK_KEY, spec, "weak " + spec.encryption() + " key"));
		}
		return Optional.empty();
	}

	private static String algorithmProblem(SaSpec spec) {
		EncryptionAlgorithm encryption = spec.encryption();
		IntegrityAlgorithm integrity = spec.integrity();
		if (spec.protocol() == SecurityProtocol.AH) {
			if (encryption != EncryptionAlgorithm.NULL) {
				return "AH does not encrypt";
			}
			return integrity == IntegrityAlgorithm.NONE ? "AH without an integrity algorithm" : null;
		}
		if (encryption.isCombinedMode() && integrity != IntegrityAlgorithm.NONE) {
			return encryption + " authenticates itself and takes no integrity algorithm";
		}
		if (encryption == EncryptionAlgorithm.NULL && integrity == IntegrityAlgorithm.NONE) {
			return "ESP with neither encryption nor integrity";
		}
		return null;
	}

	/**
	 * HP-UX's audit entry names only the SPI; why the SA is invalid goes to the STREAMS log, where
	 * the manual sends the administrator to look (A.02.00 guide, page 184).
	 */
	private SaAddition.Refused invalidAdd(SadRefusal refusal, SaSpec spec, String why) {
		String event = HpuxEvent.sadbAddInvalid(spec.spi());
		audit.streams().record("SADB_ADD refused, " + why + " - " + identity(spec));
		audit.record(AuditSource.SECPOLICYD, AuditLevel.ERROR, event);
		return new SaAddition.Refused(refusal, event + " (" + why + ")");
	}

	private SaAddition.Refused refuse(SadRefusal refusal, String event) {
		audit.record(AuditSource.SECPOLICYD, AuditLevel.ERROR, event);
		return new SaAddition.Refused(refusal, event);
	}

	private static String identity(SaSpec spec) {
		return AuditText.identity(spec.spi(), spec.source(), spec.destination(), spec.protocol().number());
	}

	/**
	 * Reserves a free SPI of the dynamic range for an inbound SA to {@code destination}: the lowest
	 * free one after the last handed out, wrapping round.
	 *
	 * @return empty when every SPI of the range is taken
	 */
	public synchronized OptionalLong allocateSpi(InetAddress destination, SecurityProtocol protocol) {
		for (long tried = 0; tried < dynamicRange.size(); tried++) {
			long spi = nextDynamicSpi;
			nextDynamicSpi = spi == dynamicRange.high() ? dynamicRange.low() : spi + 1;
			SaId id = new SaId(spi, destination, protocol);
			if (!sas.containsKey(id) && larval.add(id)) {
				return OptionalLong.of(spi);
			}
		}
		audit.record(AuditSource.SECPOLICYD, AuditLevel.ERROR, "No free SPI in the dynamic SPI range " + dynamicRange);
		return OptionalLong.empty();
	}

	/** Gives back an SPI from {@link #allocateSpi} whose negotiation failed. */
	public synchronized void releaseSpi(SaId id) {
		larval.remove(id);
	}

	public Optional<SecurityAssociation> find(SaId id) {
		return Optional.ofNullable(sas.get(id));
	}

	/**
	 * The SA a received packet names, read from the packet's bytes: no address object or
	 * {@link SaId} is made for it.
	 *
	 * @param destinationOffset where the destination address lies in {@code packet}
	 * @param destinationLength 4 for IPv4, 16 for IPv6; an IPv6 packet never matches an IPv4 SA
	 */
	public Optional<SecurityAssociation> find(long spi, byte[] packet, int destinationOffset, int destinationLength,
			SecurityProtocol protocol) {
		return Optional.ofNullable(bySpi.find(spi, packet, destinationOffset, destinationLength, protocol));
	}

	/** Every SA, by direction, destination and SPI: the order of a report. */
	public List<SecurityAssociation> all() {
		List<SecurityAssociation> all = new ArrayList<>(sas.values());
		all.sort(Comparator.comparing((SecurityAssociation sa) -> sa.spec().direction())
				.thenComparing(sa -> AuditText.address(sa.spec().destination()))
				.thenComparingLong(sa -> sa.spec().spi()));
		return all;
	}

	/** SPIs reserved and not yet completed. */
	public synchronized Set<SaId> larval() {
		return Set.copyOf(larval);
	}

	/** Deletes an SA ({@code ipsec_admin -deletesa}); returns whether it existed. */
	public synchronized boolean delete(SaId id) {
		SecurityAssociation removed = sas.remove(id);
		if (removed != null) {
			bySpi = bySpi.without(removed);
			audit.record(AuditSource.SECPOLICYD, AuditLevel.INFORMATIVE, "SA deleted - " + identity(removed.spec()));
		}
		return removed != null;
	}

	/**
	 * Whether the SA may process a packet now: ages it on the clock first, so an SA past its hard
	 * lifetime is deleted and refused even before the next {@link #expire}.
	 */
	public boolean admit(SecurityAssociation sa) {
		changed(sa, sa.age(clock.millis()));
		return sa.state() != SaState.DEAD;
	}

	/** Counts a packet's bytes against the SA's lifetime. */
	public void recordTraffic(SecurityAssociation sa, int bytes) {
		changed(sa, sa.addBytes(bytes));
	}

	/** Ages every SA on the clock: soft lifetimes logged, SAs past a hard lifetime deleted. */
	public void expire() {
		long now = clock.millis();
		sas.values().forEach(sa -> changed(sa, sa.age(now)));
	}

	private void changed(SecurityAssociation sa, SaState reached) {
		if (reached == SaState.DYING) {
			audit.record(AuditSource.SECPOLICYD, AuditLevel.INFORMATIVE,
					"SA soft lifetime expired - " + identity(sa.spec()));
		} else if (reached == SaState.DEAD) {
			synchronized (this) {
				if (sas.remove(sa.spec().id(), sa)) {
					bySpi = bySpi.without(sa);
				}
			}
			audit.record(AuditSource.SECPOLICYD, AuditLevel.INFORMATIVE,
					"SA hard lifetime expired, SA deleted - " + identity(sa.spec()));
		}
	}
}
