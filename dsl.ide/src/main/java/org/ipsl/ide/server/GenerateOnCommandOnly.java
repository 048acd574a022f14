package org.ipsl.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The server writes configurations only when asked (the {@code ipsl.generate} command), never on a
 * build. Xtext's default decides by validating the file a second time after the diagnostics are
 * published, which on a large file costs as much as the validation itself and delays the next edit.
 */
public class GenerateOnCommandOnly implements IShouldGenerate {
	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
