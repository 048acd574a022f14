package org.ipsl.resource;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.DefaultLocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;

/**
 * An object's place even where Xtext 2.41 cannot give its lines ({@link TextPositions}): there the
 * place is the nodes' offsets, hidden tokens included, and users of it (the outline's ranges) work
 * from offsets; everywhere else the place is Xtext's own.
 */
public class IpslLocationInFileProvider extends DefaultLocationInFileProvider {

	@Override
	protected ITextRegion createRegion(List<INode> nodes) {
		try {
			return super.createRegion(nodes);
		} catch (IndexOutOfBoundsException e) {
			return offsetsOf(nodes);
		}
	}

	@Override
	protected ITextRegion createRegion(List<INode> nodes, RegionDescription query) {
		try {
			return super.createRegion(nodes, query);
		} catch (IndexOutOfBoundsException e) {
			return offsetsOf(nodes);
		}
	}

	private static ITextRegion offsetsOf(List<INode> nodes) {
		ITextRegion region = ITextRegion.EMPTY_REGION;
		for (INode node : nodes)
			region = region.merge(new TextRegion(node.getOffset(), node.getLength()));
		return region;
	}
}
