package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.ipsl.bench.PolicyTextGenerator;
import org.ipsl.resource.IpslResource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fragment of every object of a file, asked before and after random edits in place (which
 * insert, remove and replace policies of long lists), is the one EMF's own segments give, and
 * names the object back: list positions kept from before an edit are never served for after it.
 */
class FragmentPropertiesTest {
	private static final String TEXT = PolicyTextGenerator.host(80, 5L);
	private static final List<String> INSERTS = List.of("", "\n", "}",
			"policy extra priority 15 { any from any to any pass }\n",
			"policy p2 priority 16 { tcp from any to any port 80 discard }\n", "80", "{", "network n = 10.9.0.0/16\n");

	@Provide
	Arbitrary<List<ReparsePropertiesTest.Edit>> edits() {
		return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 120),
				Arbitraries.of(INSERTS)).as(ReparsePropertiesTest.Edit::new).list().ofMinSize(1).ofMaxSize(5);
	}

	@Property(tries = 60)
	void fragmentsAreEmfsAfterEveryEdit(@ForAll("edits") List<ReparsePropertiesTest.Edit> edits) {
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(ReparsePropertiesTest.resourceSet(), "a.ipsl",
				TEXT);
		assertFragmentsAreEmfs(file, "loaded");
		String text = TEXT;
		for (ReparsePropertiesTest.Edit edit : edits) {
			text = edit.applyTo(text);
			file.reparseTo(text);
			assertFragmentsAreEmfs(file, "after " + edit);
		}
	}

	private static void assertFragmentsAreEmfs(IpslResource file, String when) {
		List<EObject> objects = new ArrayList<>();
		file.getAllContents().forEachRemaining(objects::add);
		Collections.shuffle(objects, new java.util.Random(objects.size()));
		for (EObject object : objects) {
			String fragment = file.getURIFragment(object);
			assertThat(fragment).as("%s: %s", when, object).isEqualTo(emfFragment(object));
			assertThat(file.getEObject(fragment)).as("%s: %s", when, fragment).isSameAs(object);
		}
	}

	/** EMF's fragment of an object of a one-root file, built from the containers' own segments. */
	private static String emfFragment(EObject object) {
		List<String> segments = new ArrayList<>();
		InternalEObject current = (InternalEObject) object;
		while (current.eInternalContainer() != null) {
			segments.add(0, current.eInternalContainer().eURIFragmentSegment(current.eContainingFeature(), current));
			current = current.eInternalContainer();
		}
		return "/" + segments.stream().map(s -> "/" + s).reduce("", String::concat);
	}
}
