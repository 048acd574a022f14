package org.ipsl.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.util.LineAndColumn;
import org.ipsl.ipsl.Model;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;

class TextPositionsTest {
	private static final ParseHelper<Model> PARSER = Checker.injector()
			.getInstance(Key.get(new TypeLiteral<ParseHelper<Model>>() {
			}));

	private static ICompositeNode root(String text) throws Exception {
		return ((XtextResource) PARSER.parse(text).eResource()).getParseResult().getRootNode();
	}

	@Test
	void everyOffsetIsWhereXtextPutsItForEveryKindOfLineBreak() throws Exception {
		String text = "host h {\r\n    address 10.0.0.1\r    policy p priority 1 {\n        from any to any\r\n"
				+ "        discard\r    }\n}\n";
		ICompositeNode root = root(text);
		for (int offset = 0; offset <= text.length(); offset++) {
			LineAndColumn xtext = NodeModelUtils.getLineAndColumn(root, offset);
			assertThat(TextPositions.of(text, offset)).as("offset %d", offset).isEqualTo(xtext);
			assertThat(TextPositions.of(root, offset)).as("offset %d", offset).isEqualTo(xtext);
		}
	}

	@Test
	void theEndOfATextEndingInALoneCarriageReturnIsTheStartOfTheNextLine() throws Exception {
		String text = "host h {\n    address 11.0.l\r";
		ICompositeNode root = root(text);
		assertThatThrownBy(() -> NodeModelUtils.getLineAndColumn(root, text.length()))
				.as("the Xtext behaviour this class works around")
				.isInstanceOf(StringIndexOutOfBoundsException.class);
		assertThat(TextPositions.of(root, text.length())).isEqualTo(LineAndColumn.from(3, 1));
		assertThat(TextPositions.of(root, text.length() - 1)).isEqualTo(LineAndColumn.from(2, 19));
	}
}
