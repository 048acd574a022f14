package org.ipsl.tests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder, byte for byte and with its mode, to tell whether a failure touched any. */
record Snapshot(Map<String, Entry> files) {

	record Entry(byte[] bytes, String mode) {
		@Override
		public boolean equals(Object other) {
			return other instanceof Entry e && Arrays.equals(bytes, e.bytes) && mode.equals(e.mode);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(bytes) * 31 + mode.hashCode();
		}

		/** The mode and size only: contents hold secrets, and a failed assertion prints this. */
		@Override
		public String toString() {
			return mode + " " + bytes.length + " bytes";
		}
	}

	static Snapshot of(Path folder) throws IOException {
		Map<String, Entry> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path file : walk.filter(Files::isRegularFile).toList())
				files.put(folder.relativize(file).toString(), new Entry(Files.readAllBytes(file),
						PosixFilePermissions.toString(Files.getPosixFilePermissions(file))));
		}
		return new Snapshot(files);
	}
}
