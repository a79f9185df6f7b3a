package io.orderlift.ui.common;

import io.orderlift.ranking.Placement;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** The placements as a merchandiser reads them. */
public final class Placements {

    private Placements() {
    }

    public static String label(Placement p) {
        return p == null ? "" : p == Placement.CART ? "Cart (before checkout)" : "Confirmation page (one tap)";
    }

    /** A choice of the two placements with readable names. */
    public static ChoiceBox<Placement> choice() {
        ChoiceBox<Placement> choice = new ChoiceBox<>();
        choice.getItems().setAll(Placement.values());
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Placement p) {
                return label(p);
            }

            @Override
            public Placement fromString(String s) {
                return null;
            }
        });
        return choice;
    }
}
