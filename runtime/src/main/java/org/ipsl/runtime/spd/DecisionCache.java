package org.ipsl.runtime.spd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.ipsl.runtime.audit.AuditLevel;
import org.ipsl.runtime.audit.AuditLog;
import org.ipsl.runtime.audit.AuditSource;
import org.ipsl.runtime.audit.HpuxEvent;
import org.ipsl.runtime.sad.Direction;

/**
 * HP-UX's kernel policy cache: SPD decisions for exact flows, so that the next packet of a flow is
 * decided without a search. Past the soft limit every new entry that brings the count to the
 * limit plus a multiple of 1,000, plus one, logs an ALERT ({@code Kernel Policy Cache Threshold
 * reached nnnn records.}, nnnn the soft limit, then 1,000 more each time); at the hard limit no
 * entry is added, the first refusal logs {@code Kernel Policy Cache Threshold exceeded nnnn
 * records.}, and the caller must drop the packet. Entries are never evicted: HP-UX documents no
 * ageing, so only {@link #clear} (a restart) empties the cache. Lookups are lock-free; additions
 * are serialised.
 */
public final class DecisionCache {

	/** Entries per unit of {@code spd_soft} and {@code spd_hard}. */
	public static final int ENTRIES_PER_UNIT = 1000;

	private final long softEntries;
	private final long hardEntries;
	private final AuditLog audit;
	private final ConcurrentHashMap<Flow, CachedDecision> outbound = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<Flow, CachedDecision> inbound = new ConcurrentHashMap<>();
	private long size;
	private long records;
	private boolean exceededLogged;

	/** @param soft the soft limit and {@code hard} the hard one, in thousands of entries as {@code spd_soft}/{@code spd_hard} */
	public DecisionCache(long soft, long hard, AuditLog audit) {
		if (soft < 1 || hard < soft) {
			throw new IllegalArgumentException("cache limits soft " + soft + ", hard " + hard);
		}
		this.softEntries = soft * ENTRIES_PER_UNIT;
		this.hardEntries = hard * ENTRIES_PER_UNIT;
		this.audit = audit;
	}

	/** The decision cached for the flow, or null. */
	public CachedDecision find(Flow flow, Direction direction) {
		return (direction == Direction.OUTBOUND ? outbound : inbound).get(flow);
	}

	/**
	 * Caches the decision for the flow, or returns the entry a concurrent caller made first.
	 *
	 * @return null when the cache is at its hard limit: the packet must be neither sent nor received
	 */
	public synchronized CachedDecision add(Flow flow, Direction direction, SpdEntry policy) {
		ConcurrentHashMap<Flow, CachedDecision> entries = direction == Direction.OUTBOUND ? outbound : inbound;
		CachedDecision existing = entries.get(flow);
		if (existing != null) {
			return existing;
		}
		if (size >= hardEntries) {
			if (!exceededLogged) {
				exceededLogged = true;
				audit.record(AuditSource.SECPOLICYD, AuditLevel.ALERT,
						HpuxEvent.cacheThresholdExceeded(hardEntries));
			}
			return null;
		}
		CachedDecision entry = new CachedDecision(++records, flow, direction, policy);
		entries.put(flow, entry);
		size++;
		if (size > softEntries && (size - softEntries - 1) % ENTRIES_PER_UNIT == 0) {
			audit.record(AuditSource.SECPOLICYD, AuditLevel.ALERT,
					HpuxEvent.cacheThresholdReached(size - 1));
		}
		return entry;
	}

	/** Entries now held, both directions. */
	public synchronized long size() {
		return size;
	}

	public long softEntries() {
		return softEntries;
	}

	public long hardEntries() {
		return hardEntries;
	}

	/** Every entry by record number, as {@code ipsec_report -cache} lists them. */
	public List<CachedDecision> entries() {
		List<CachedDecision> all = new ArrayList<>(outbound.values());
		all.addAll(inbound.values());
		all.sort(Comparator.comparingLong(CachedDecision::record));
		return all;
	}

	/** Empties the cache, as a restart does; record numbers go on. */
	public synchronized void clear() {
		outbound.clear();
		inbound.clear();
		size = 0;
		exceededLogged = false;
	}
}
