package org.ipsl.resource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.diagnostics.AbstractDiagnostic;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.LineAndColumn;
import org.ipsl.diagnostics.DiagnosticCode;
import org.ipsl.model.Utf8;

/**
 * A file on disk whose bytes are not UTF-8: an error at the first byte that is not, on a file that is
 * still read (each such byte as U+FFFD) so that the other files and the rest of this one are checked.
 */
public final class NotUtf8 extends AbstractDiagnostic {
	/** How its message starts. */
	public static final String MESSAGE = "this file is not UTF-8 text";
	private final int offset;
	private final LineAndColumn place;
	private final int badByte;

	private NotUtf8(int offset, LineAndColumn place, int badByte) {
		this.offset = offset;
		this.place = place;
		this.badByte = badByte;
	}

	/** The text of {@code bytes}, each byte that is not UTF-8 read as U+FFFD. */
	static String decode(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** The error at the first byte of {@code bytes} that is not UTF-8; none when all are. */
	static Optional<NotUtf8> find(byte[] bytes, String text) {
		return Utf8.firstMalformed(bytes).map(m -> new NotUtf8(m.charOffset(), TextPositions.of(text, m.charOffset()),
				bytes[m.byteIndex()] & 0xFF));
	}

	@Override
	public String getMessage() {
		return String.format(MESSAGE + " (byte 0x%02X here): save it as UTF-8", badByte);
	}

	@Override
	public String getCode() {
		return DiagnosticCode.SYNTAX.id();
	}

	@Override
	public String[] getData() {
		return new String[0];
	}

	@Override
	protected INode getNode() {
		return null;
	}

	@Override
	public URI getUriToProblem() {
		return null;
	}

	@Override
	public int getOffset() {
		return offset;
	}

	@Override
	public int getLength() {
		return 1;
	}

	@Override
	public int getLine() {
		return place.getLine();
	}

	@Override
	public int getColumn() {
		return place.getColumn();
	}

	@Override
	public int getLineEnd() {
		return place.getLine();
	}

	@Override
	public int getColumnEnd() {
		return place.getColumn() + 1;
	}
}
