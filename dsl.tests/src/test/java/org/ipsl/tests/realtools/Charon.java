package org.ipsl.tests.realtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real strongSwan charon in a network namespace, with its own strongswan.conf, VICI socket and
 * log in a test folder, and a private /run (real-tools.md §3a: the pid file is a fixed path, so two
 * charons need two). Stopped on close. With userspace ESP (§3b) it loads kernel-libipsec, which
 * installs CHILD_SAs in charon itself (this kernel has no ESP) and routes the remote traffic
 * selectors into its TUN device; tunnel mode only.
 */
final class Charon implements AutoCloseable {
	/** Sub-folders swanctl opens next to the file it loads; missing ones print "failed" lines. */
	private static final List<String> CREDENTIAL_FOLDERS = List.of("x509", "x509ca", "x509aa", "x509ocsp", "x509crl",
			"x509ac", "pubkey", "private", "rsa", "ecdsa", "bliss", "pkcs8", "pkcs12");

	/**
	 * kernel-libipsec routes the remote traffic selectors into its TUN device. Where they include the
	 * peer itself (a road warrior's /32), the IKE and ESP-in-UDP packets charon sends would follow
	 * into the tunnel, so charon marks them (socket-default) and routes only unmarked packets through
	 * its table (kernel-netlink), the way strongSwan documents for allow_peer_ts.
	 */
	private static final String USERSPACE_ESP = """
			kernel-libipsec {
			  load = yes
			  allow_peer_ts = yes
			}
			socket-default {
			  fwmark = 0x42
			}
			kernel-netlink {
			  fwmark = !0x42
			}""";

	private final Path dir;
	private final Process process;

	private Charon(Path dir, Process process) {
		this.dir = dir;
		this.process = process;
	}

	/** IKE only: a CHILD_SA fails to install, as the kernel has no ESP. */
	static Charon start(Netns netns, Path dir) throws IOException, InterruptedException {
		return start(netns, dir, false);
	}

	/** IKE and ESP: CHILD_SAs are installed by kernel-libipsec, and traffic crosses its TUN device. */
	static Charon startWithUserspaceEsp(Netns netns, Path dir) throws IOException, InterruptedException {
		return start(netns, dir, true);
	}

	private static Charon start(Netns netns, Path dir, boolean userspaceEsp) throws IOException, InterruptedException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("strongswan.conf"), """
				charon {
				  load_modular = yes
				  install_routes = %2$s
				  plugins {
				    include /etc/strongswan.d/charon/*.conf
				%3$s
				    vici {
				      socket = unix://%1$s/charon.vici
				    }
				  }
				  filelog {
				    test {
				      path = %1$s/charon.log
				      default = 1
				      cfg = 2
				      flush_line = yes
				    }
				  }
				}
				swanctl {
				  socket = unix://%1$s/charon.vici
				}
				""".formatted(dir, userspaceEsp ? "yes" : "no", userspaceEsp ? USERSPACE_ESP : ""));
		for (String folder : CREDENTIAL_FOLDERS)
			Files.createDirectories(dir.resolve("conf").resolve(folder));
		ProcessBuilder builder = new ProcessBuilder(RealTools.IP.toString(), "netns", "exec", netns.name(),
				RealTools.UNSHARE.toString(), "-m", "sh", "-c",
				"mount -t tmpfs none /run && exec " + RealTools.CHARON);
		builder.environment().put("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString());
		builder.redirectErrorStream(true).redirectOutput(dir.resolve("charon.out").toFile());
		Charon charon = new Charon(dir, builder.start());
		Path socket = dir.resolve("charon.vici");
		for (int i = 0; i < 100 && !Files.exists(socket); i++) {
			if (!charon.process.isAlive())
				break;
			Thread.sleep(100);
		}
		if (!Files.exists(socket)) {
			charon.close();
			throw new AssertionError(
					"charon did not open its VICI socket:\n" + Files.readString(dir.resolve("charon.out")));
		}
		return charon;
	}

	/** swanctl against this charon; the plugin-loading noise of every call is left out of the output. */
	RealTools.Run swanctl(String... args) {
		String[] command = new String[args.length + 1];
		command[0] = RealTools.SWANCTL.toString();
		System.arraycopy(args, 0, command, 1, args.length);
		RealTools.Run run = RealTools.run(Map.of("STRONGSWAN_CONF", dir.resolve("strongswan.conf").toString()), 60,
				command);
		return new RealTools.Run(run.exit(), withoutPluginNoise(run.out()), withoutPluginNoise(run.err()));
	}

	/** Copies a generated swanctl.conf next to the credential folders and loads everything in it. */
	RealTools.Run load(Path swanctlConf) throws IOException {
		Path conf = dir.resolve("conf").resolve("swanctl.conf");
		Files.copy(swanctlConf, conf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return swanctl("--load-all", "--file", conf.toString());
	}

	/** {@code swanctl --list-sas --raw}, parsed. */
	List<ListedSa> listSas() {
		RealTools.Run run = swanctl("--list-sas", "--raw");
		if (run.exit() != 0)
			throw new AssertionError("swanctl --list-sas exited " + run.exit() + ":\n" + run.both());
		return ListedSa.parse(run.out());
	}

	String log() throws IOException {
		Path log = dir.resolve("charon.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	private static String withoutPluginNoise(String text) {
		return text.lines().filter(l -> !l.matches("plugin '[^']*': failed to load.*"))
				.collect(Collectors.joining("\n"));
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS))
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
	}
}
