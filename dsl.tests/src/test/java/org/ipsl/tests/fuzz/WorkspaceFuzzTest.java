package org.ipsl.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.StringInputStream;
import org.ipsl.check.Diagnostic;
import org.ipsl.check.PathFailure;
import org.ipsl.check.WorkspaceChecker;
import org.ipsl.tests.support.Checker;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.inject.Injector;

/**
 * Coverage-guided fuzzing of the parser, the linker, every analysis (ordering, keys, certificates,
 * peers) and the formatter with Jazzer. The fuzzed bytes are one file of a workspace next to the
 * site-to-site example's beta and common files, checked as {@code ipsl check FOLDER --peers} does.
 * Seeds are the example files (in {@code WorkspaceFuzzTestInputs}). Whatever the bytes: the only
 * failure is the documented "not UTF-8 text"; no analysis throws; every diagnostic and related place lies inside its
 * file; the formatter throws nothing, changes white space only, the same way twice, and leaves a
 * file with syntax errors as it is; and nothing is logged at ERROR (Xtext logs and swallows some
 * exceptions, such as a value converter's, which would otherwise pass unseen). Jazzer's
 * {@code -timeout=1} bounds each input to a second when fuzzing.
 */
class WorkspaceFuzzTest {
	private static final Injector INJECTOR = Checker.injector();
	private static final ErrorLog ERROR_LOG = ErrorLog.attached();
	private static final Pattern SPACE = Pattern.compile("\\s+");
	private static final Pattern LINE_END = Pattern.compile("\\r\\n|\\r|\\n");
	private static final Path WORKSPACE = workspace();
	private static final Path FUZZED = WORKSPACE.resolve("fuzzed.ipsl");

	/** A fresh folder holding the fixed peer files; the fuzzed file is rewritten there per input. */
	private static Path workspace() {
		try {
			Path folder = Files.createTempDirectory("ipsl-fuzz");
			// deleteOnExit removes in reverse order: the files, then the folder.
			folder.toFile().deleteOnExit();
			for (String name : List.of("beta.ipsl", "common.ipsl", "fuzzed.ipsl")) {
				folder.resolve(name).toFile().deleteOnExit();
				Path example = Checker.examples().resolve("site-to-site").resolve(name);
				if (Files.exists(example))
					Files.copy(example, folder.resolve(name));
			}
			return folder;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@FuzzTest
	void anyTextIsCheckedAndFormattedWithinItsBounds(byte[] bytes) throws IOException, PathFailure {
		ERROR_LOG.events.clear();
		try {
			checkAndFormat(bytes);
		} finally {
			assertThat(ERROR_LOG.events).as("logged at ERROR").isEmpty();
		}
	}

	private static void checkAndFormat(byte[] bytes) throws IOException, PathFailure {
		Files.write(FUZZED, bytes);
		// A file that is not UTF-8 is checked too (a syntax error at its first bad byte): no path failure.
		WorkspaceChecker.Report report = INJECTOR.getInstance(WorkspaceChecker.class).report(List.of(WORKSPACE),
				Checker.DAY);
		String text = new String(bytes, StandardCharsets.UTF_8);
		Map<Path, int[]> lastColumns = new HashMap<>();
		for (Diagnostic d : report.diagnostics()) {
			// Xtext turns an exception inside a check into this diagnostic.
			assertThat(d.message()).as("no analysis throws: %s", d).isNotEqualTo("Error executing EValidator");
			int[] columns = lastColumns.computeIfAbsent(d.file(), WorkspaceFuzzTest::lastColumns);
			assertInside(d.toString(), columns, d.line(), d.column());
			assertInside(d.toString(), columns, d.endLine(), d.endColumn());
			assertThat(d.endLine() > d.line() || d.endLine() == d.line() && d.endColumn() >= d.column())
					.as("ends after it starts: %s", d).isTrue();
			for (Diagnostic.Related related : d.related())
				assertInside(related.toString(),
						lastColumns.computeIfAbsent(related.file(), WorkspaceFuzzTest::lastColumns),
						related.line(), related.column());
		}
		assertThat(report.sessions()).doesNotContainNull();
		format(text);
	}

	/**
	 * Lines and columns are 1-based; a place may be just past a line's last character, or past the CR
	 * of a CR LF (Xtext counts that CR in its line, and an unterminated string's error ends after it).
	 * Lines end as Xtext and LSP end them: at CR LF, LF or a lone CR.
	 */
	private static void assertInside(String what, int[] lastColumns, int line, int column) {
		assertThat(line).as("line of %s", what).isBetween(1, lastColumns.length);
		assertThat(column).as("column of %s", what).isBetween(1, lastColumns[line - 1]);
	}

	/** The last column a place may have on each line of the file. */
	private static int[] lastColumns(Path file) {
		// Decoded as the checker loads it: a byte that is not UTF-8 becomes one replacement character.
		String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Integer> columns = new ArrayList<>();
		Matcher end = LINE_END.matcher(text);
		int start = 0;
		while (end.find()) {
			columns.add(end.start() - start + 1 + (end.group().equals("\r\n") ? 1 : 0));
			start = end.end();
		}
		columns.add(text.length() - start + 1);
		return columns.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * As the language server formats a document: a file that parses keeps every token and formats
	 * the same way twice; one with syntax errors is left as it is.
	 */
	private static void format(String text) throws IOException {
		XtextResource resource = parse(text);
		String once = formatted(resource);
		if (resource.getParseResult().hasSyntaxErrors()) {
			assertThat(once).as("a file with syntax errors is not formatted").isEqualTo(text);
			return;
		}
		assertThat(SPACE.matcher(once).replaceAll("")).as("only white space changes")
				.isEqualTo(SPACE.matcher(text).replaceAll(""));
		assertThat(formatted(parse(once))).as("formatting twice changes nothing").isEqualTo(once);
	}

	private static XtextResource parse(String text) throws IOException {
		XtextResource resource = (XtextResource) INJECTOR.getInstance(XtextResourceSet.class)
				.createResource(URI.createURI("memory:/fuzzed.ipsl"));
		resource.load(new StringInputStream(text, "UTF-8"), null);
		return resource;
	}

	private static String formatted(XtextResource resource) {
		ITextRegionAccess regions = INJECTOR.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = INJECTOR.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(regions);
		return regions.getRewriter().renderToString(INJECTOR.getInstance(IFormatter2.class).format(request));
	}

	/** What was logged at ERROR or above while one input ran, with the exception's first frames. */
	private static final class ErrorLog extends AppenderSkeleton {
		final List<String> events = new CopyOnWriteArrayList<>();

		static ErrorLog attached() {
			ErrorLog log = new ErrorLog();
			log.setThreshold(Level.ERROR);
			Logger.getRootLogger().addAppender(log);
			return log;
		}

		@Override
		protected void append(LoggingEvent event) {
			String[] trace = event.getThrowableStrRep();
			events.add(event.getLoggerName() + ": " + event.getRenderedMessage()
					+ (trace == null
							? ""
							: "\n" + String.join("\n", List.of(trace).subList(0, Math.min(trace.length, 12)))));
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}

		@Override
		public void close() {
		}
	}
}
