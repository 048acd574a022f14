package org.ipsl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code --allow-outside FOLDER}: where, beyond the workspace folder, secret and certificate files may be read. */
public class AllowOutside {

	@Option(names = "--allow-outside", paramLabel = "FOLDER", description = "also read preshared secret, certificate, CA and CRL files inside FOLDER (repeatable); "
			+ "by default only files inside the workspace folder are read")
	List<Path> folders = new ArrayList<>();

	List<Path> folders() {
		return folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
	}
}
