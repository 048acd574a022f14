package org.ipsl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ipsl.analysis.peers.Session;
import org.ipsl.check.Diagnostic;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The text and JSON output formats of {@code ipsl check} ({@link SarifReport} makes the third). */
final class DiagnosticPrinter {
	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

	private DiagnosticPrinter() {
	}

	/** {@code file:line:col: severity: message [code]}. */
	static String text(Diagnostic d, Path cwd) {
		return relative(d.file(), cwd) + ":" + d.line() + ":" + d.column() + ": " + d.severity().label() + ": "
				+ d.message() + " [" + d.code().id() + "]";
	}

	static String json(List<Diagnostic> diagnostics, Path cwd) {
		return GSON.toJson(array(diagnostics, cwd));
	}

	/**
	 * {@code --peers}: {@code {"diagnostics": [...], "sessions": [{"initiator": ..., ...}, ...], "hosts": {HOST:
	 * [IKE_SA, ...]}}}, the IKE_SAs in the shape of docs/peers.md ("The prediction").
	 */
	static String json(List<Diagnostic> diagnostics, List<Session> sessions,
			Map<String, List<Map<String, Object>>> hosts,
			Path cwd) {
		JsonObject o = new JsonObject();
		o.add("diagnostics", array(diagnostics, cwd));
		o.add("sessions", sessions(sessions));
		o.add("hosts", GSON.toJsonTree(hosts));
		return GSON.toJson(o);
	}

	/** The session table as flat objects, one per row. */
	static JsonArray sessions(List<Session> sessions) {
		JsonArray rows = new JsonArray();
		for (Session session : sessions) {
			JsonObject row = new JsonObject();
			session.columns().forEach(row::addProperty);
			rows.add(row);
		}
		return rows;
	}

	private static JsonArray array(List<Diagnostic> diagnostics, Path cwd) {
		JsonArray array = new JsonArray();
		for (Diagnostic d : diagnostics) {
			JsonObject o = new JsonObject();
			o.addProperty("file", relative(d.file(), cwd));
			o.addProperty("line", d.line());
			o.addProperty("column", d.column());
			o.addProperty("endLine", d.endLine());
			o.addProperty("endColumn", d.endColumn());
			o.addProperty("severity", d.severity().label());
			o.addProperty("code", d.code().id());
			o.addProperty("message", d.message());
			JsonArray related = new JsonArray();
			for (Diagnostic.Related r : d.related()) {
				JsonObject ro = new JsonObject();
				ro.addProperty("file", relative(r.file(), cwd));
				ro.addProperty("line", r.line());
				ro.addProperty("column", r.column());
				ro.addProperty("message", r.message());
				related.add(ro);
			}
			o.add("related", related);
			array.add(o);
		}
		return array;
	}

	static String relative(Path file, Path cwd) {
		Path absolute = file.toAbsolutePath().normalize();
		return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
	}
}
