package org.ipsl.ide.server;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * LSP4J's JSON handler, writing a message's JSON into fixed-size chunks instead of a
 * {@link java.io.StringWriter}: a publication of thousands of diagnostics is megabytes of JSON,
 * and the writer's buffer, doubled again and again, was copied (under its lock) more than once
 * over. The text is the same, character for character.
 */
final class ChunkedJsonHandler extends MessageJsonHandler {

	ChunkedJsonHandler(Map<String, JsonRpcMethod> supportedMethods) {
		super(supportedMethods);
	}

	@Override
	public String serialize(Message message) {
		ChunkedWriter writer = new ChunkedWriter();
		serialize(message, writer);
		return writer.toString();
	}

	/** Characters kept in a list of full chunks and one being filled; joined once at the end. */
	static final class ChunkedWriter extends Writer {
		private static final int CHUNK = 8192;
		private final List<char[]> full = new ArrayList<>();
		private char[] current = new char[CHUNK];
		private int used;

		@Override
		public void write(char[] characters, int offset, int length) {
			while (length > 0) {
				roll();
				int n = Math.min(length, CHUNK - used);
				System.arraycopy(characters, offset, current, used, n);
				used += n;
				offset += n;
				length -= n;
			}
		}

		@Override
		public void write(String text, int offset, int length) {
			while (length > 0) {
				roll();
				int n = Math.min(length, CHUNK - used);
				text.getChars(offset, offset + n, current, used);
				used += n;
				offset += n;
				length -= n;
			}
		}

		@Override
		public void write(int character) {
			roll();
			current[used++] = (char) character;
		}

		/** Starts a new chunk when the current one is full. */
		private void roll() {
			if (used == CHUNK) {
				full.add(current);
				current = new char[CHUNK];
				used = 0;
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder(full.size() * CHUNK + used);
			for (char[] chunk : full)
				text.append(chunk);
			return text.append(current, 0, used).toString();
		}
	}
}
