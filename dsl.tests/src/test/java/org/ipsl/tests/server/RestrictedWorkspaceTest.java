package org.ipsl.tests.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.ipsl.tests.support.Checker;
import org.ipsl.tests.support.LspSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's {@code initializationOptions}: in a restricted workspace (VS Code's Restricted Mode)
 * syntax and name errors only, no file read, no command run; {@code allowOutside} lets it read
 * secret files in a folder beyond the workspace.
 */
class RestrictedWorkspaceTest {
	@TempDir
	Path dir;

	/** A workspace whose host reads a two-character secret from {@code file} and has a syntax error. */
	private Path workspace(String file) {
		Path workspace = dir.resolve("ws");
		Checker.write(workspace.resolve("a.ipsl"), """
				host a {
				    address 10.0.0.1
				    ike to-b {
				        remote 10.0.0.2
				        authentication preshared file "%s"
				    }
				    policy p priority 10 {
				        any from 10.0.0.1 to 10.0.0.2
				        pass
				    }
				}
				network n = 10.0.0.0/8 =
				""".formatted(file));
		Checker.write(dir.resolve("elsewhere/b.psk"), "q7\n");
		Checker.write(workspace.resolve("b.psk"), "q7\n");
		return workspace;
	}

	private static List<String> codes(List<Diagnostic> diagnostics) {
		return diagnostics.stream().map(d -> d.getCode().getLeft()).sorted().toList();
	}

	@Test
	void aRestrictedWorkspaceGetsSyntaxErrorsOnlyAndNoCommandRuns() throws Exception {
		Path workspace = workspace("b.psk");
		try (LspSession lsp = LspSession.inProcess(workspace, Map.of("restricted", true))) {
			Path file = workspace.resolve("a.ipsl");
			assertThat(codes(lsp.awaitDiagnostics(file, d -> !d.isEmpty()))).containsExactly("syntax");
			assertThatThrownBy(() -> lsp.server().getWorkspaceService()
					.executeCommand(new ExecuteCommandParams("ipsl.generate", List.of("runtime")))
					.get(30, TimeUnit.SECONDS)).hasMessageContaining("restricted workspace");
			assertThat(workspace.resolve("generated")).doesNotExist();
		}
	}

	@Test
	void aTrustedWorkspaceIsCheckedWholeAndReadsAllowedFoldersOnly() throws Exception {
		Path workspace = workspace("../elsewhere/b.psk");
		Path file = workspace.resolve("a.ipsl");
		try (LspSession lsp = LspSession.inProcess(workspace)) {
			assertThat(codes(lsp.awaitDiagnostics(file, d -> d.size() > 1))).contains("path-outside-workspace")
					.doesNotContain("low-entropy-key");
		}
		try (LspSession lsp = LspSession.inProcess(workspace,
				Map.of("allowOutside", List.of(dir.resolve("elsewhere").toString())))) {
			assertThat(codes(lsp.awaitDiagnostics(file, d -> d.size() > 1))).contains("low-entropy-key")
					.doesNotContain("path-outside-workspace");
		}
	}
}
