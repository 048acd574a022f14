package org.ipsl.ast;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ipsl.ipsl.Address;
import org.ipsl.ipsl.AddressEndpoint;
import org.ipsl.ipsl.AnyEndpoint;
import org.ipsl.ipsl.Declaration;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.Host;
import org.ipsl.ipsl.HostAddress;
import org.ipsl.ipsl.NamedEndpoint;
import org.ipsl.ipsl.Network;
import org.ipsl.values.AddressRange;
import org.ipsl.values.IpAddress;
import org.ipsl.values.Parsed;

/** The addresses that an endpoint, a host or a network stands for. */
public final class Endpoints {
	public enum Family {
		V4, V6
	}

	private Endpoints() {
	}

	/** The valid addresses of a resolved endpoint (a range as its prefixes); empty for {@code any} and for unresolved names. */
	public static List<IpAddress> addresses(Endpoint endpoint) {
		if (endpoint instanceof AddressEndpoint a)
			return valid(List.of(a.getAddress()));
		if (endpoint instanceof NamedEndpoint n && n.getRef() != null && !n.getRef().eIsProxy())
			return addresses(n.getRef());
		return List.of();
	}

	public static List<IpAddress> addresses(Declaration declaration) {
		return valid(written(declaration));
	}

	/** Every address written for a host or network, valid or not. */
	public static List<String> addressTexts(Declaration declaration) {
		return written(declaration).stream().map(Address::getValue).toList();
	}

	private static List<Address> written(Declaration declaration) {
		if (declaration instanceof Network network)
			return network.getPrefixes();
		if (declaration instanceof Host host) {
			List<Address> all = new ArrayList<>();
			host.getMembers().stream().filter(HostAddress.class::isInstance)
					.forEach(m -> all.addAll(((HostAddress) m).getAddresses()));
			return all;
		}
		return List.of();
	}

	/** The address families an endpoint may stand for; every family for {@code any} or an unknown name. */
	public static Set<Family> families(Endpoint endpoint) {
		if (endpoint instanceof AnyEndpoint || endpoint == null)
			return EnumSet.allOf(Family.class);
		List<IpAddress> addresses = addresses(endpoint);
		if (addresses.isEmpty())
			return EnumSet.allOf(Family.class);
		Set<Family> families = EnumSet.noneOf(Family.class);
		addresses.forEach(a -> families.add(a.isV4() ? Family.V4 : Family.V6));
		return families;
	}

	private static List<IpAddress> valid(List<Address> addresses) {
		List<IpAddress> result = new ArrayList<>(addresses.size());
		for (Address address : addresses) {
			if (AddressRange.isRange(address.getValue())) {
				Parsed<AddressRange> range = AddressRange.parse(address.getValue());
				if (range.ok())
					result.addAll(range.value().prefixes());
				continue;
			}
			Parsed<IpAddress> parsed = IpAddress.parse(address.getValue());
			if (parsed.ok())
				result.add(parsed.value());
		}
		return result;
	}
}
