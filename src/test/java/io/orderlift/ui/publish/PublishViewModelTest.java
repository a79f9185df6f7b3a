package io.orderlift.ui.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.Publisher;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.PublishedVersions;
import io.orderlift.ui.common.MinedTestStore;
import io.orderlift.ui.common.ViewModelSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Publish view's published versions: any one or two compared, one exported again. */
class PublishViewModelTest {

    @TempDir
    Path dir;
    ViewModelSession fixture;
    PublishViewModel model;
    final List<PublishViewModel.Comparison> compared = new ArrayList<>();

    @BeforeEach
    void publishTwoVersions() throws Exception {
        fixture = new ViewModelSession(Files.createDirectories(dir.resolve("store")));
        new Publisher().publish(fixture.store, dir.resolve("v1.json"), "first", null, false);
        new CurationStore(fixture.store).exclude(ExclusionKind.SKU, MinedTestStore.STAKES, "", "out of stock");
        new Publisher().publish(fixture.store, dir.resolve("v2.json"), "no stakes", null, false);
        model = new PublishViewModel(fixture.tasks);
        model.setOnError(fixture.errors::add);
        model.setOnCompared(compared::add);
        model.load(fixture.store);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private PublishedVersions.Version version(int number) {
        return model.versions().stream().filter(v -> v.version() == number).findFirst().orElseThrow();
    }

    @Test
    void oneVersionIsComparedWithTheOneBeforeItAndTwoInEitherOrderOlderFirst() {
        assertEquals(PublishViewModel.ARCHIVE_HINT, model.archiveStatusProperty().get());
        model.compare(List.of(version(2)));
        model.compare(List.of(version(2), version(1)));
        assertEquals(2, compared.size());
        assertEquals(compared.get(0), compared.get(1), "the same comparison, however chosen");
        PublishViewModel.Comparison comparison = compared.get(0);
        assertEquals("What changed from v1 to v2", comparison.title());
        assertTrue(comparison.lines().get(0).startsWith("From v1 ("), comparison.lines().get(0));
        assertTrue(comparison.lines().contains("Exclusion added: sku " + MinedTestStore.STAKES), comparison.lines().toString());
        assertTrue(comparison.lines().stream().anyMatch(l -> l.startsWith("cart · Two-person tent (TENT): Tent stakes (STAKES) removed")),
                comparison.lines().toString());

        model.compare(List.of(version(1)));
        assertEquals(2, compared.size(), "nothing to compare the first version with");
        assertEquals("v1 is the first version: there is nothing before it to compare with.",
                model.archiveStatusProperty().get());
    }

    /** A rule set that would recommend nothing is said as a warning beside the check, which passes. */
    @Test
    void aRuleSetThatWouldRecommendNothingIsSaidAsAWarning() {
        model.check();
        assertEquals("", model.warningProperty().get(), "the store's lists are not empty");
        new Profiles(fixture.store).save(WeightingProfile.defaults().withMinEvidence(1_000_000), true);
        model.check();
        assertTrue(model.validationProperty().get().startsWith("Version 3 is valid"), model.validationProperty().get());
        assertTrue(model.warningProperty().get().startsWith("No product has a list, so this rule set recommends"
                + " nothing"), model.warningProperty().get());
    }

    @Test
    void aVersionIsExportedExactlyAsItWasPublished() throws Exception {
        Path out = dir.resolve("exported").resolve("ruleset-v1.json");
        Files.createDirectories(out.getParent());
        model.export(version(1), out);
        assertArrayEquals(new PublishedVersions(fixture.store).content(1).orElseThrow(), Files.readAllBytes(out));
        assertTrue(model.archiveStatusProperty().get().startsWith("Wrote v1 to " + out), model.archiveStatusProperty().get());
    }
}
