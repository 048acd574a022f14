package org.ipsl.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** HP-UX audit levels, least to most verbose; each includes the ones before it. */
public enum AuditLevel {
	@JsonProperty("alert")
	ALERT, @JsonProperty("error")
	ERROR, @JsonProperty("warning")
	WARNING, @JsonProperty("informative")
	INFORMATIVE, @JsonProperty("debug")
	DEBUG
}
