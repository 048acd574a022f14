package org.ipsl.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the built-in last policy does with a packet no policy selects. */
public enum DefaultAction {
	@JsonProperty("pass")
	PASS, @JsonProperty("discard")
	DISCARD
}
