package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.ipsl.ipsl.IpslPackage;
import org.ipsl.ipsl.TransformRef;
import org.ipsl.resource.IpslResource;
import org.junit.jupiter.api.Test;

/**
 * {@link IpslResource#isKnownUnresolvable} says yes exactly for the lazy links Xtext's resolution
 * gives back unresolved (built-in names, unknown names) once this linking of the file tried them,
 * and for none after the file is linked again, when a name may have come to stand for a
 * transform-set.
 */
class KnownUnresolvableTest {
	private static final String HOST = """
			transform-set corp = esp-aes128-hmac-sha1
			host gw {
			    address 10.0.0.1
			    policy named priority 10 {
			        tcp from 10.0.0.1 to 10.9.0.0/16
			        protect corp
			    }
			    policy builtin priority 20 {
			        tcp from 10.0.0.1 to 10.8.0.0/16
			        protect esp-3des-hmac-sha1
			    }
			    policy unknown priority 30 {
			        tcp from 10.0.0.1 to 10.7.0.0/16
			        protect nosuch
			    }
			}
			""";

	@Test
	void onlyLinksThisLinkingFailedOnAreKnownUnresolvable() {
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(ReparsePropertiesTest.resourceSet(), "a.ipsl",
				HOST);
		file.reparseTo(HOST.replace("10.9.", "10.6."));
		// The transform-set's own reference first, then the three policies'.
		assertThat(known(file)).containsExactly(false, false, false, false);
		file.resolveLazyCrossReferences(null);
		assertThat(known(file)).containsExactly(true, false, true, true);
		for (TransformRef ref : refs(file))
			assertThat(ref.getRef().eIsProxy()).as(ref.getRef().toString())
					.isEqualTo(file.isKnownUnresolvable(linked(ref)));

		file.reparseTo("transform-set esp-3des-hmac-sha1 = esp-aes128-hmac-sha1\n" + HOST);
		assertThat(known(file)).containsExactly(false, false, false, false, false);
		file.resolveLazyCrossReferences(null);
		assertThat(known(file)).containsExactly(true, true, false, false, true);
		assertThat(refs(file).get(3).getRef().getName()).isEqualTo("esp-3des-hmac-sha1");
	}

	private static List<TransformRef> refs(IpslResource file) {
		return EcoreUtil2.getAllContentsOfType(file.getContents().get(0), TransformRef.class);
	}

	private static EObject linked(TransformRef ref) {
		return (EObject) ref.eGet(IpslPackage.Literals.TRANSFORM_REF__REF, false);
	}

	/** For each transform reference in file order, whether it is a proxy known to be unresolvable. */
	private static List<Boolean> known(IpslResource file) {
		return refs(file).stream().map(ref -> linked(ref).eIsProxy() && file.isKnownUnresolvable(linked(ref))).toList();
	}
}
