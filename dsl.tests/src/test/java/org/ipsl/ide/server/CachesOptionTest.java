package org.ipsl.ide.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.ipsl.cli.IpslMain;
import org.ipsl.incremental.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.inject.Guice;
import com.google.gson.JsonParser;

import picocli.CommandLine;

/**
 * The switch that turns every cache off ({@link Caches}) from the server's client
 * ({@code initializationOptions} {@code {"caches": "off"}}) and from {@code ipsl lsp --no-caches};
 * without either the caches stay on.
 */
class CachesOptionTest {
	@AfterEach
	void cachesOn() {
		Caches.set(true);
	}

	@TempDir
	Path workspace;

	@Test
	void theClientTurnsTheCachesOff() throws Exception {
		assertThat(initialize("{\"restricted\": false}")).isTrue();
		assertThat(initialize("{\"caches\": \"on\"}")).isTrue();
		assertThat(initialize("{\"caches\": \"off\"}")).isFalse();
	}

	/** Whether the caches are on after a fresh server's {@code initialize} with these options. */
	private boolean initialize(String options) throws Exception {
		Caches.set(true);
		IpslLanguageServer server = Guice.createInjector(IpslLanguageServer.module())
				.getInstance(IpslLanguageServer.class);
		InitializeParams params = new InitializeParams();
		params.setRootUri(workspace.toUri().toString());
		params.setInitializationOptions(JsonParser.parseString(options).getAsJsonObject());
		InitializeResult result = server.initialize(params).get();
		assertThat(result.getCapabilities()).isNotNull();
		assertThat(params.getInitializationOptions()).isInstanceOf(JsonObject.class);
		return Caches.enabled();
	}

	@Test
	void theCommandLineOptionIsKnown() {
		CommandLine lsp = new CommandLine(new IpslMain()).getSubcommands().get("lsp");
		assertThat(lsp.getCommandSpec().findOption("--no-caches")).isNotNull();
		assertThat(lsp.getUsageMessage()).contains("--no-caches");
	}
}
