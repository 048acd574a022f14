package org.ipsl.analysis.ikev2;

/** strongSwan's start_action: initiate when loaded, install a trap policy that initiates on traffic, or wait. */
public enum StartAction {
	INITIATE, TRAP, NONE
}
