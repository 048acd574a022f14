package org.ipsl.scenarios;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.ipsl.cli.IpslMain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import picocli.CommandLine;

/** The prediction for a workspace: the {@code hosts} of {@code ipsl check --peers --format json}, run in this process. */
final class Predictor {
	/** @param hosts per host, its predicted IKE_SAs; empty when the check printed none; {@code failure}: why not */
	record Prediction(JsonObject hosts, String failure) {
	}

	private Predictor() {
	}

	static Prediction predict(Path workspace) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		CommandLine cli = IpslMain.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		int exit = cli.execute("check", "--peers", "--format", "json", workspace.toString());
		if (exit == 2)
			return new Prediction(new JsonObject(), "ipsl check failed: " + err.toString().trim());
		try {
			JsonElement report = JsonParser.parseString(out.toString());
			JsonElement hosts = report.isJsonObject() ? report.getAsJsonObject().get("hosts") : null;
			if (hosts == null || !hosts.isJsonObject())
				return new Prediction(new JsonObject(), "ipsl check --peers --format json printed no \"hosts\"");
			return new Prediction(hosts.getAsJsonObject(), null);
		} catch (JsonParseException e) {
			return new Prediction(new JsonObject(), "ipsl check printed no JSON");
		}
	}
}
