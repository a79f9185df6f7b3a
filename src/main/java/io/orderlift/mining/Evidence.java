package io.orderlift.mining;

/** Which purchase pairs an acceptance is estimated from. */
public enum Evidence {
    /** Anchor and candidate in one order. */
    SAME_ORDER("same-order"),
    /** The candidate bought by the same customer within the window after an anchor order. */
    FOLLOW_ON("follow-on");

    private final String cliName;

    Evidence(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Evidence fromCli(String name) {
        for (Evidence e : values()) {
            if (e.cliName.equalsIgnoreCase(name.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not same-order or follow-on");
    }
}
