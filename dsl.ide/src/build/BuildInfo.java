import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Build step (run as a source file by the build's Java): writes build.properties with the version
 * and the git commit of the checkout, or "unknown" when the build is not in a git checkout or git
 * is missing. Git itself is asked, so a linked worktree reports its own HEAD.
 */
public class BuildInfo {
	public static void main(String[] args) throws IOException {
		Path out = Path.of(args[0]);
		Files.createDirectories(out.getParent());
		Files.writeString(out, "# written by the build (dsl.ide/src/build/BuildInfo.java)\nversion=" + args[1]
				+ "\ncommit=" + commit() + "\n", StandardCharsets.ISO_8859_1);
	}

	private static String commit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true)
					.start();
			git.getOutputStream().close();
			String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 && output.matches("[0-9a-f]{12}"))
				return output;
		} catch (IOException | InterruptedException e) {
			// no git on this machine: the commit is unknown
		}
		return "unknown";
	}
}
