package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

class RequestsTest {

    @Test
    void onlyTheNewestRequestIsNewest() {
        Requests requests = new Requests();
        Requests.Request first = requests.next();
        assertTrue(first.isNewest());
        Requests.Request second = requests.next();
        assertFalse(first.isNewest());
        assertTrue(second.isNewest());
        requests.supersede();
        assertFalse(second.isNewest(), "superseded without a new request (the view shows something else)");
    }

    /** Of two tasks finishing newest first, only the newest's outcome reaches a handler, whatever it is. */
    @Test
    void aSupersededTasksOutcomeReachesNoHandler() {
        for (String outcome : List.of("success", "failure", "cancel")) {
            Requests requests = new Requests();
            HeldTasks tasks = new HeldTasks();
            List<String> handled = new ArrayList<>();
            for (String name : List.of("older", "newer")) {
                Requests.Request request = requests.next();
                Tasks.create(name, monitor -> {
                    switch (outcome) {
                        case "failure" -> throw new IllegalStateException(name);
                        case "cancel" -> throw new CancellationException(name);
                        default -> {
                            return name;
                        }
                    }
                }).onSuccess(r -> handled.add("success " + r))
                        .onError(e -> handled.add("failure " + e.getMessage()))
                        .onCancelled(() -> handled.add("cancel " + name))
                        .onlyWhile(request::isNewest).runQuietly(tasks);
            }
            tasks.releaseNewestFirst();
            assertEquals(List.of(outcome + " newer"), handled);
        }
    }
}
