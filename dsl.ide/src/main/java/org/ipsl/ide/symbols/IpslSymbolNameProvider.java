package org.ipsl.ide.symbols;

import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

/** The outline nests policies under their host, so a symbol shows its own name, not {@code host.policy}. */
public class IpslSymbolNameProvider extends DocumentSymbolNameProvider {
	@Override
	protected String getName(QualifiedName name) {
		return name == null ? null : name.getLastSegment();
	}
}
