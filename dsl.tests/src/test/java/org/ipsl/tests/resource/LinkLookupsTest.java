package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.ipsl.incremental.IpslLinkingService;
import org.ipsl.incremental.ContentWalk;
import org.ipsl.resource.IpslResource;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;

/**
 * A file's links resolved all at once, where a name is looked up once per scope
 * ({@link IpslLinkingService}), name what resolving each link on its own names, with the same
 * linking errors: in every example workspace, and in a file whose two hosts each have a manual SA
 * of the same name (each policy's is its own host's: the scope is the innermost declaration's).
 */
class LinkLookupsTest {
	private static final String MANUAL_SA = """
			    manual-sa keys {
			        peer 10.0.0.9
			        inbound  esp spi 2600002
			                 encryption aes128 0x89fd071ec1eab2f77fc62e143da182ff
			                 authentication hmac-sha256 0x78a99e3c3a07dd34ef6c792c218eb38f449a694abbb5ee05ba01eb6b68bad777
			        outbound esp spi 2600003
			                 encryption aes128 0xdb1b1e0c72857733e75965135be5fa24
			                 authentication hmac-sha256 0x827ce09527b1d15f8e9ef6e4edde7a1d5049f54366ceb7558cb6826c72a6ab34
			    }
			""";
	private static final String TWO_HOSTS = "transform-set corp = esp-aes128-hmac-sha1, nosuch\n"
			+ host("a", "10.0.0.1")
			+ host("b", "10.0.0.2") + "network far = 10.9.0.0/16\n";

	private static String host(String name, String address) {
		return "host " + name + " {\n    address " + address + "\n"
				+ "    policy p priority 10 {\n        tcp from " + address
				+ " to far\n        protect manual keys\n    }\n"
				+ "    policy q priority 20 {\n        udp from " + address
				+ " to 10.0.0.9\n        protect corp, esp-3des-hmac-sha1, nosuch\n    }\n" + MANUAL_SA + "}\n";
	}

	@Test
	void eachHostsPoliciesNameItsOwnManualSa() {
		XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
		IpslResource file = (IpslResource) ReparsePropertiesTest.load(resourceSet, "two.ipsl", TWO_HOSTS);
		file.resolveLazyCrossReferences(null);
		List<String> links = links(resourceSet);
		assertThat(links).contains("//@declarations.1/@members.1/@action -> two.ipsl#//@declarations.1/@members.3",
				"//@declarations.2/@members.1/@action -> two.ipsl#//@declarations.2/@members.3");
		assertThat(links).isEqualTo(resolvedOneByOne(Map.of("two.ipsl", TWO_HOSTS)));
	}

	@Test
	void everyExampleWorkspaceLinksAsLinkByLink() throws IOException {
		try (Stream<Path> workspaces = Files.list(Checker.examples())) {
			for (Path workspace : workspaces.filter(Files::isDirectory).toList()) {
				Map<String, String> texts = texts(workspace);
				XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
				texts.forEach((name, text) -> ReparsePropertiesTest.load(resourceSet, name, text));
				for (Resource resource : List.copyOf(resourceSet.getResources()))
					((IpslResource) resource).resolveLazyCrossReferences(null);
				assertThat(links(resourceSet)).as(workspace.toString()).isNotEmpty()
						.isEqualTo(resolvedOneByOne(texts));
			}
		}
	}

	/** The links of the files loaded afresh, each resolved on its own (outside a resolution of all). */
	private static List<String> resolvedOneByOne(Map<String, String> texts) {
		XtextResourceSet resourceSet = ReparsePropertiesTest.resourceSet();
		texts.forEach((name, text) -> ReparsePropertiesTest.load(resourceSet, name, text));
		eachLink(resourceSet, (object, reference) -> object.eGet(reference, true));
		return links(resourceSet);
	}

	/** Every link, in file order: where it is and what it names (a proxy: its link text), then each file's errors. */
	private static List<String> links(XtextResourceSet resourceSet) {
		List<String> links = new ArrayList<>();
		eachLink(resourceSet, (object, reference) -> {
			for (Object target : reference.isMany()
					? (List<?>) object.eGet(reference, false)
					: List.of(object.eGet(reference, false)))
				links.add(EcoreUtil.getURI(object).fragment() + " -> " + describe((EObject) target));
		});
		for (Resource resource : resourceSet.getResources())
			resource.getErrors().forEach(e -> links.add(resource.getURI().lastSegment() + " " + e.getLine() + ": "
					+ e.getMessage()));
		return links;
	}

	private static String describe(EObject target) {
		if (target.eIsProxy())
			return "unresolved";
		URI uri = EcoreUtil.getURI(target);
		return uri.lastSegment() + "#" + uri.fragment();
	}

	private interface LinkVisitor {
		void visit(EObject object, EReference reference);
	}

	private static void eachLink(XtextResourceSet resourceSet, LinkVisitor visitor) {
		for (Resource resource : List.copyOf(resourceSet.getResources()))
			ContentWalk.visit(resource.getContents(), object -> {
				for (EReference reference : object.eClass().getEAllReferences())
					if (!reference.isContainment() && !reference.isContainer() && object.eIsSet(reference))
						visitor.visit(object, reference);
				return true;
			});
	}

	private static Map<String, String> texts(Path workspace) throws IOException {
		Map<String, String> texts = new TreeMap<>();
		try (Stream<Path> files = Files.list(workspace)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".ipsl")).toList())
				texts.put(file.getFileName().toString(), Files.readString(file));
		}
		return texts;
	}
}
