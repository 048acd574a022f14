package org.ipsl.importer.strongswan;

import java.nio.file.Path;

/** A place in a strongSwan configuration file: line and column from 1. */
record Where(Path file, int line, int column) {
}
