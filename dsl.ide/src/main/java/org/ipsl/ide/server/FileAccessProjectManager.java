package org.ipsl.ide.server;

import java.nio.file.Path;

import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.ipsl.check.FileAccess;

import com.google.inject.Inject;

/**
 * Xtext's project of the workspace folder, whose resource sets carry which files its documents may
 * name ({@link FileAccess}): those inside the folder and the client's allowed folders, or none in a
 * restricted workspace.
 */
public class FileAccessProjectManager extends ProjectManager {
	@Inject
	private ClientSettings.Current client;

	@Override
	protected XtextResourceSet createFreshResourceSet(ResourceDescriptionsData data) {
		XtextResourceSet resourceSet = super.createFreshResourceSet(data);
		ClientSettings settings = client.get();
		if (settings.restricted())
			FileAccess.restrict(resourceSet);
		else if (getBaseDir() != null && getBaseDir().isFile())
			FileAccess.set(resourceSet, Path.of(getBaseDir().toFileString()), settings.allowOutside());
		return resourceSet;
	}
}
