package org.ipsl.ide.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.lsp4j.InitializeParams;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Singleton;

/**
 * What the client allows, from the {@code initializationOptions} of {@code initialize}:
 * {@code {"restricted": true}} for a workspace the user does not trust (VS Code's Restricted Mode:
 * syntax and name errors only, no file it names is read, no command runs), and
 * {@code {"allowOutside": ["/etc/ipsec"]}} for folders beyond the workspace whose secret and
 * certificate files may be read; {@code {"caches": "off"}} to compute everything again after every
 * edit ({@link org.ipsl.incremental.Caches}).
 */
public record ClientSettings(boolean restricted, List<Path> allowOutside, boolean cachesOff) {
	public static final String RESTRICTED = "restricted", ALLOW_OUTSIDE = "allowOutside", CACHES = "caches";

	/** The settings of this server's client, once it has initialized. */
	@Singleton
	public static final class Current {
		private volatile ClientSettings settings = new ClientSettings(false, List.of(), false);

		public ClientSettings get() {
			return settings;
		}

		void set(ClientSettings settings) {
			this.settings = settings;
		}
	}

	public static ClientSettings of(InitializeParams params) {
		if (params == null || !(params.getInitializationOptions() instanceof JsonObject options))
			return new ClientSettings(false, List.of(), false);
		boolean restricted = options.has(RESTRICTED) && options.get(RESTRICTED).isJsonPrimitive()
				&& options.get(RESTRICTED).getAsBoolean();
		List<Path> allowed = new ArrayList<>();
		if (options.has(ALLOW_OUTSIDE) && options.get(ALLOW_OUTSIDE).isJsonArray())
			for (JsonElement folder : options.getAsJsonArray(ALLOW_OUTSIDE))
				if (folder.isJsonPrimitive() && !folder.getAsString().isBlank())
					allowed.add(Path.of(folder.getAsString()).toAbsolutePath().normalize());
		boolean cachesOff = options.has(CACHES) && options.get(CACHES).isJsonPrimitive()
				&& "off".equalsIgnoreCase(options.get(CACHES).getAsString());
		return new ClientSettings(restricted, List.copyOf(allowed), cachesOff);
	}
}
