/**
 * The runtime's configuration, {@code runtime.json}: one host's SPD, SAD and IKE settings as
 * {@code ipsl generate --target runtime} writes them. The records here are the format's only
 * definition; {@code runtime-config.schema.json} next to them documents it for other readers, and
 * {@link org.ipsl.runtime.config.RuntimeConfigJson} reads and writes it.
 */
package org.ipsl.runtime.config;
