package org.ipsl.analysis.diff;

import java.util.Optional;

import org.ipsl.analysis.peers.Session;

/**
 * A row of the session table ({@code ipsl check --peers}) that differs between the versions: its
 * outcome, proposal, transform or audit text changed, or the row exists in one version only.
 */
public record SessionChange(String initiator, String responder, Optional<Session> before, Optional<Session> after) {
}
