package org.ipsl.incremental;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.ipsl.analysis.order.OrderingAnalysis;
import org.ipsl.analysis.order.OrderingFinding;
import org.ipsl.ast.HostRules;
import org.ipsl.ipsl.Host;

import com.google.inject.Singleton;

/**
 * The last ordering analysis of each host, so that the next validation of the host analyses only
 * what an edit changed ({@link OrderingAnalysis#analyseAfter}). The server keeps a host's object
 * across edits inside it; a host that is gone is forgotten with its object.
 */
@Singleton
public class OrderingHistory {
	private final Map<Host, OrderingAnalysis.Result> last = Collections.synchronizedMap(new WeakHashMap<>());

	public List<OrderingFinding> analyse(HostRules db) {
		OrderingAnalysis.Result result = OrderingAnalysis.analyseAfter(Caches.enabled() ? last.get(db.host()) : null,
				db.rules(),
				db.defaultAction());
		last.put(db.host(), result);
		return result.findings();
	}
}
