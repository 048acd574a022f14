package org.ipsl.analysis.peers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.ipsl.model.Action;
import org.ipsl.model.IpRange;
import org.ipsl.model.PortRange;
import org.ipsl.model.Rule;
import org.ipsl.model.Selector;
import org.ipsl.model.region.Region;

/**
 * The traffic one host protects towards a peer, split by the policy that takes it first at the
 * peer. Transport-mode traffic is what goes from the host's addresses to the peer's; tunnel-mode
 * traffic is everything a tunnel to one of the peer's addresses carries. The peer sees each packet
 * mirrored and looks it up in its own policies, in priority order.
 */
final class Traffic {
	/**
	 * Packets that {@code ruleA} of the first host protects and {@code ruleB} of the peer takes
	 * ({@link Spd#DEFAULT} for its default), in the first host's terms.
	 */
	record Cell(int ruleA, int ruleB, Region packets) {
	}

	/** The two addresses an IKE exchange runs between: the initiator's and the responder's. */
	record Contact(IpRange local, IpRange remote) {
	}

	private Traffic() {
	}

	/** @param within only these packets of a's (a trace's one packet), or every packet a protects */
	static List<Cell> cells(PeerHost a, PeerHost b, Optional<Region> within) {
		List<Cell> cells = new ArrayList<>();
		Region between = null;
		for (int i = 0; i < a.rules().size(); i++) {
			Action action = a.rules().get(i).action();
			if (action.kind() != Action.Kind.PROTECT)
				continue;
			Region towards;
			if (action.tunnelToAnyPeer()) // only answers: b's policies towards a are judged from b's side
				continue;
			if (action.tunnelRemote().isPresent()) {
				if (!b.owns(IpRange.parse(action.tunnelRemote().get())))
					continue;
				towards = a.spd().effective(i);
			} else {
				if (a.addresses().isEmpty() || b.addresses().isEmpty())
					continue;
				if (between == null)
					between = between(a, b);
				towards = a.spd().effective(i).intersect(between);
			}
			if (within.isPresent())
				towards = towards.intersect(within.get());
			if (towards.isEmpty())
				continue;
			for (Spd.Taken taken : b.spd().firstMatch(towards.mirrored()))
				cells.add(new Cell(i, taken.rule(), taken.packets().mirrored()));
		}
		return cells;
	}

	/** Every packet from an address of a to an address of b: the traffic of transport mode. */
	static Region between(PeerHost a, PeerHost b) {
		return Region.of(betweenSelector(a, b));
	}

	static Selector betweenSelector(PeerHost a, PeerHost b) {
		return new Selector(Selector.ANY, a.addresses(), b.addresses(), PortRange.ALL, PortRange.ALL,
				OptionalInt.empty());
	}

	/** The address pairs IKE runs between for the packets of a cell that the rule protects. */
	static Set<Contact> contacts(PeerHost a, PeerHost b, Rule rule, Region packets) {
		Set<Contact> contacts = new LinkedHashSet<>();
		Action action = rule.action();
		if (action.tunnelLocal().isPresent()) {
			contacts.add(
					new Contact(IpRange.parse(action.tunnelLocal().get()), IpRange.parse(action.tunnelRemote().get())));
			return contacts;
		}
		for (IpRange local : a.addresses())
			for (IpRange remote : b.addresses())
				if (packets
						.overlaps(Region.of(new Selector(Selector.ANY, List.of(local), List.of(remote), PortRange.ALL,
								PortRange.ALL, OptionalInt.empty()))))
					contacts.add(new Contact(local, remote));
		return contacts;
	}
}
