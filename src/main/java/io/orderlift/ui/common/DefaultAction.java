package io.orderlift.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;

/**
 * The button Enter presses in a view that shares its scene with others (the workbench's tabs). A scene
 * has one Enter accelerator, which the last default button to register takes; a button that is default
 * only while its view is shown (every ancestor visible: the tab selected) takes it when its tab is
 * selected and gives it up when another is.
 */
public final class DefaultAction {

    private DefaultAction() {
    }

    /** Makes {@code button} the one Enter presses while {@code view} is shown. */
    public static void of(Button button, Node view) {
        button.defaultButtonProperty().bind(shown(view));
    }

    /** Makes {@code button} the one Enter presses while {@code view} is shown and {@code when} holds. */
    public static void of(Button button, Node view, ObservableBooleanValue when) {
        button.defaultButtonProperty().bind(shown(view).and(BooleanExpression.booleanExpression(when)));
    }

    /** Whether {@code node} and every ancestor of it are visible, followed as ancestors come and go. */
    static ReadOnlyBooleanProperty shown(Node node) {
        ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
        List<Node> watched = new ArrayList<>();
        InvalidationListener recompute = new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable changed) {
                watched.forEach(n -> {
                    n.visibleProperty().removeListener(this);
                    n.parentProperty().removeListener(this);
                });
                watched.clear();
                boolean visible = node.getScene() != null;
                for (Node n = node; n != null; n = n.getParent()) {
                    watched.add(n);
                    n.visibleProperty().addListener(this);
                    n.parentProperty().addListener(this);
                    visible &= n.isVisible();
                }
                shown.set(visible);
            }
        };
        node.sceneProperty().addListener(recompute);
        recompute.invalidated(null);
        return shown.getReadOnlyProperty();
    }
}
