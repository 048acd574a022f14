package org.ipsl.tests.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.ipsl.bench.PolicyTextGenerator;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.resource.IpslResource;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unloading gives every object the proxy URI EMF's own fragments would give it. */
class IpslResourceTest {
	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = {"keys", "ordering", "peers", "site-to-site", "generated"})
	void unloadedObjectsAreProxiesWithEmfsUris(String workspace) throws Exception {
		Path root = workspace.equals("generated") ? generatedHost() : Checker.examples().resolve(workspace);
		List<Resource> resources = List.copyOf(
				Checker.injector().getInstance(WorkspaceChecker.class).load(List.of(root), Checker.DAY).get(0)
						.reported().values());
		assertThat(resources).isNotEmpty().allMatch(IpslResource.class::isInstance);
		for (Resource resource : resources) {
			Map<EObject, URI> emfUris = new IdentityHashMap<>();
			resource.getAllContents().forEachRemaining(o -> emfUris.put(o, EcoreUtil.getURI(o)));
			assertThat(((IpslResource) resource).fragmentsOfAllContents()).hasSameSizeAs(emfUris);
			List<EObject> objects = new ArrayList<>(emfUris.keySet());
			resource.unload();
			for (EObject object : objects)
				assertThat(((InternalEObject) object).eProxyURI()).as("%s", object.eClass().getName())
						.isEqualTo(emfUris.get(object));
		}
	}

	private Path generatedHost() {
		Checker.write(folder.resolve("gw.ipsl"), PolicyTextGenerator.host(300, 7L));
		return folder;
	}
}
