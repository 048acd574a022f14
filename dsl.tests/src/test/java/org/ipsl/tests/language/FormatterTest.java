package org.ipsl.tests.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.ipsl.tests.support.Checker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/** The canonical layout: stable, loses nothing, and looks as LANGUAGE.md writes policies. */
class FormatterTest {
	private static final Injector INJECTOR = Checker.injector();
	private static final Pattern SPACE = Pattern.compile("\\s+");

	static String format(String text) throws IOException {
		return format(text, false);
	}

	private static String format(String text, boolean syntaxErrors) throws IOException {
		XtextResource resource = (XtextResource) INJECTOR.getInstance(XtextResourceSet.class)
				.createResource(URI.createURI("memory:/format.ipsl"));
		resource.load(new StringInputStream(text), null);
		assertThat(resource.getErrors().isEmpty()).as("no syntax errors").isNotEqualTo(syntaxErrors);
		ITextRegionAccess regions = INJECTOR.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = INJECTOR.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		return regions.getRewriter().renderToString(INJECTOR.getInstance(IFormatter2.class).format(request));
	}

	static Stream<Path> exampleFiles() throws IOException {
		try (Stream<Path> files = Files.walk(Checker.examples())) {
			return files.filter(f -> f.toString().endsWith(".ipsl")).sorted().toList().stream();
		}
	}

	@ParameterizedTest
	@MethodSource("exampleFiles")
	void examplesKeepEveryTokenAndCommentAndFormatStably(Path file) throws IOException {
		String text = Files.readString(file);
		String once = format(text);
		assertThat(format(once)).as("formatting twice changes nothing").isEqualTo(once);
		assertThat(SPACE.matcher(once).replaceAll("")).as("only white space changes")
				.isEqualTo(SPACE.matcher(text).replaceAll(""));
	}

	/** Found by WorkspaceFuzzTest: a comment inside unparsed text made Xtext's formatter throw. */
	@Test
	void aFileWithSyntaxErrorsIsLeftAsWritten() throws IOException {
		String broken = "host h {\n    ike i {\n        authentication preshared \"abc\n    }   // a comment\n}\n";
		assertThat(format(broken, true)).isEqualTo(broken);
	}

	@Test
	void canonicalLayout() throws IOException {
		String messy = "network   lan=10.1.0.0/16 ,10.2.0.0/16\n\n\n\ntransform-set t=esp-aes128-hmac-sha1 lifetime 1h 50000KB\n"
				+ "host h{address 10.1.1.10 dynamic-spi 300 .. 2500000 ike i priority 10{remote 10.2.2.20 proposals"
				+ " aes128-sha1-modp2048 authentication preshared \"Tr0ub4dor&3xyz!\" lifetime 8h}\n"
				+ "policy p{tcp from lan port 1024..65535 to any port ssh protect t pfs modp2048}"
				+ "manual-sa m{peer 10.2.2.20 inbound esp spi 4000 encryption aes128 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c "
				+ "authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f outbound ah spi 4001 "
				+ "authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e} default pass}\n";
		assertThat(format(messy)).isEqualTo("""
				network lan = 10.1.0.0/16, 10.2.0.0/16

				transform-set t = esp-aes128-hmac-sha1 lifetime 1h 50000KB
				host h {
				    address 10.1.1.10
				    dynamic-spi 300..2500000
				    ike i priority 10 {
				        remote 10.2.2.20
				        proposals aes128-sha1-modp2048
				        authentication preshared "Tr0ub4dor&3xyz!"
				        lifetime 8h
				    }
				    policy p {
				        tcp from lan port 1024..65535 to any port ssh
				        protect t
				        pfs modp2048
				    }
				    manual-sa m {
				        peer 10.2.2.20
				        inbound esp spi 4000
				            encryption aes128 0x3b1f6a0c9d2e4f5a6b7c8d9e0f1a2b3c
				            authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f
				        outbound ah spi 4001
				            authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e
				    }
				    default pass
				}
				""");
	}
}
