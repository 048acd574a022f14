package org.ipsl.model;

/** One policy of a host's policy database: lower priorities are searched first. */
public record Rule(String name, long priority, Selector selector, Action action) {

    /** "`name` (priority 10)", how messages name a rule. */
    public String reference() {
        return "`" + name + "` (priority " + priority + ")";
    }
}
