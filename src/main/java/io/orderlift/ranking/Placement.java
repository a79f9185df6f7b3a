package io.orderlift.ranking;

/** Where recommendations are shown. */
public enum Placement {
    /** Pre-checkout: reads the live cart. */
    CART("cart"),
    /** Post-purchase confirmation page: one-tap add to the order just placed. */
    CONFIRMATION("confirmation");

    private final String cliName;

    Placement(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Placement fromCli(String name) {
        for (Placement p : values()) {
            if (p.cliName.equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not cart or confirmation");
    }
}
