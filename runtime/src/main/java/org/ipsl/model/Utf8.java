package org.ipsl.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8: where the first byte that is not UTF-8 is, for a message that names its place. */
public final class Utf8 {

	/** The first byte that is not UTF-8: its index, and the length of the text decoded before it. */
	public record Malformed(int byteIndex, int charOffset) {
	}

	private Utf8() {
	}

	public static Optional<Malformed> firstMalformed(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError())
			result = decoder.flush(out);
		return result.isError() ? Optional.of(new Malformed(in.position(), out.position())) : Optional.empty();
	}
}
