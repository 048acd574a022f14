package org.ipsl.runtime.sad;

/** The life of an SA: {@code ipsec_report}'s Mature and Dead, with Dying between them once a soft lifetime passed. */
public enum SaState {
    MATURE, DYING, DEAD
}
