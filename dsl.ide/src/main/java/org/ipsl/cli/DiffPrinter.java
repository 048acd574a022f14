package org.ipsl.cli;

import java.util.List;
import java.util.Optional;

import org.ipsl.analysis.diff.Block;
import org.ipsl.analysis.diff.Decision;
import org.ipsl.analysis.diff.HostDiff;
import org.ipsl.analysis.diff.PolicyDiff;
import org.ipsl.analysis.diff.RegionChange;
import org.ipsl.analysis.diff.SessionChange;
import org.ipsl.analysis.peers.Session;
import org.ipsl.model.Action;
import org.ipsl.model.region.Dimension;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The two output formats of {@code ipsl diff} (docs/cli.md). */
final class DiffPrinter {
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();
	/** The JSON names of a block's fields, in {@link Dimension} order: ends as a selector writes them. */
	private static final List<String> FIELDS = List.of("local", "remote", "protocol", "localPorts", "remotePorts",
			"icmpType");

	private DiffPrinter() {
	}

	static String text(PolicyDiff.Report report) {
		if (report.isEmpty())
			return "nothing changes\n";
		StringBuilder text = new StringBuilder();
		for (HostDiff host : report.hosts()) {
			if (host.presence() != HostDiff.Presence.BOTH) {
				text.append("host ").append(host.host()).append(": ").append(presence(host)).append('\n');
				continue;
			}
			text.append("host ").append(host.host()).append('\n');
			for (RegionChange change : host.changes()) {
				change.blocks().forEach(block -> text.append("  ").append(block.describe()).append('\n'));
				change.except().forEach(block -> text.append("    except ").append(block.describe()).append('\n'));
				text.append("    before: ").append(change.before().describe()).append('\n');
				text.append("    after:  ").append(change.after().describe()).append('\n');
			}
		}
		for (SessionChange session : report.sessions()) {
			text.append("session ").append(session.initiator()).append(" -> ").append(session.responder()).append('\n');
			text.append("  before: ").append(row(session.before())).append('\n');
			text.append("  after:  ").append(row(session.after())).append('\n');
		}
		return text.toString();
	}

	private static String presence(HostDiff host) {
		return switch (host.presence()) {
			case ADDED -> "added";
			case REMOVED -> "removed";
			case BOTH -> "changed";
		};
	}

	/** "ESTABLISHED, proposal aes128-sha1-modp1024, transform esp-aes128-hmac-sha1", "no session". */
	private static String row(Optional<Session> session) {
		return session.map(s -> s.outcome() + ", proposal " + s.proposal() + ", transform " + s.transform()
				+ (s.audit().isEmpty() ? "" : ", audit: " + s.audit())).orElse("no session");
	}

	static String json(PolicyDiff.Report report) {
		JsonArray hosts = new JsonArray();
		for (HostDiff host : report.hosts()) {
			JsonObject o = new JsonObject();
			o.addProperty("host", host.host());
			o.addProperty("presence", presence(host));
			JsonArray changes = new JsonArray();
			for (RegionChange change : host.changes()) {
				JsonObject c = new JsonObject();
				JsonArray packets = new JsonArray();
				change.blocks().forEach(block -> packets.add(json(block)));
				c.add("packets", packets);
				JsonArray except = new JsonArray();
				change.except().forEach(block -> except.add(json(block)));
				c.add("except", except);
				c.add("before", json(change.before()));
				c.add("after", json(change.after()));
				changes.add(c);
			}
			o.add("changes", changes);
			hosts.add(o);
		}
		JsonArray sessions = new JsonArray();
		for (SessionChange session : report.sessions()) {
			JsonObject o = new JsonObject();
			o.addProperty("initiator", session.initiator());
			o.addProperty("responder", session.responder());
			session.before().ifPresent(s -> o.add("before", json(s)));
			session.after().ifPresent(s -> o.add("after", json(s)));
			sessions.add(o);
		}
		JsonObject result = new JsonObject();
		result.add("hosts", hosts);
		result.add("sessions", sessions);
		return GSON.toJson(result);
	}

	private static JsonObject json(Block block) {
		JsonObject o = new JsonObject();
		for (Dimension dimension : Dimension.values()) {
			JsonArray values = new JsonArray();
			block.texts(dimension).forEach(values::add);
			o.add(FIELDS.get(dimension.ordinal()), values);
		}
		o.addProperty("text", block.describe());
		return o;
	}

	private static JsonObject json(Decision decision) {
		JsonObject o = new JsonObject();
		o.addProperty("policy", decision.policy());
		decision.priority().ifPresent(p -> o.addProperty("priority", p));
		Action action = decision.action();
		o.addProperty("action", action.kind().name().toLowerCase());
		if (!action.transforms().isEmpty()) {
			JsonArray transforms = new JsonArray();
			action.transforms().forEach(transforms::add);
			o.add("transforms", transforms);
		}
		action.tunnelLocal().ifPresent(local -> {
			JsonObject tunnel = new JsonObject();
			tunnel.addProperty("local", local);
			tunnel.addProperty("remote", action.tunnelRemote().get());
			o.add("tunnel", tunnel);
		});
		action.pfsGroup().ifPresent(group -> o.addProperty("pfs", group));
		action.manualSa().ifPresent(sa -> o.addProperty("manualSa", sa));
		o.addProperty("text", decision.describe());
		return o;
	}

	private static JsonObject json(Session session) {
		JsonObject o = new JsonObject();
		session.columns().forEach((column, value) -> {
			if (!column.equals("initiator") && !column.equals("responder"))
				o.addProperty(column, value);
		});
		return o;
	}
}
