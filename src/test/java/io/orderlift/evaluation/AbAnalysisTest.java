package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbAnalysisTest {

    /** The planted lift of the sample stores' experiments: 20 % of treatment orders accept $20–$80. */
    static final double PLANTED_LIFT = 0.2 * (20 + 80) / 2.0;

    @TempDir
    Path dir;

    @Test
    void recoversThePlantedLiftOfEverySampleStoreWithinItsInterval() throws Exception {
        for (String store : new String[] {"outdoor", "kitchen", "beauty"}) {
            AbAnalysis.Report report = new AbAnalysis().analyse(
                    Experiment.read(Path.of("sample-stores", store, "experiment.csv")));
            AbAnalysis.Lift lift = report.lifts().get(0);
            assertEquals("treatment", lift.arm());
            assertTrue(lift.ciLow() < PLANTED_LIFT && PLANTED_LIFT < lift.ciHigh(), store + ": " + lift);
            assertTrue(lift.bootstrapLow() < PLANTED_LIFT && PLANTED_LIFT < lift.bootstrapHigh(), store + ": " + lift);
            AbAnalysis.ArmResult treatment = report.arms().stream().filter(a -> a.arm().equals("treatment"))
                    .findFirst().orElseThrow();
            assertEquals(0.2, treatment.acceptanceRate(), 0.03, store);
            assertEquals(PLANTED_LIFT / 3, treatment.rpi(), 1.2, store + ": accepted value per impression");
        }
    }

    @Test
    void aKnownDifferenceIsMeasuredExactly() throws Exception {
        StringBuilder csv = new StringBuilder("order_id,arm,order_value,offer_impressions,offer_accepted_value\n");
        for (int i = 0; i < 1_000; i++) {
            csv.append("C").append(i).append(",control,").append(100 + i % 10).append(",0,0\n");
            csv.append("T").append(i).append(",treatment,").append(105 + i % 10).append(",2,")
                    .append(i % 2 == 0 ? "10" : "0").append('\n');
        }
        AbAnalysis.Report report = new AbAnalysis().analyse(Experiment.read(Files.writeString(dir.resolve("x.csv"), csv)));
        AbAnalysis.Lift lift = report.lifts().get(0);
        assertEquals(5.0, lift.aovLift(), 1e-9);
        assertTrue(lift.significant());
        assertEquals(0.5, report.arms().get(1).acceptanceRate(), 1e-9);
        assertEquals(2.5, report.arms().get(1).rpi(), 1e-9, "5,000 accepted over 2,000 impressions");
    }

    @Test
    void badFilesSayWhatIsWrong() throws Exception {
        Path noControl = Files.writeString(dir.resolve("a.csv"),
                "order_id,arm,order_value,offer_impressions,offer_accepted_value\n1,A,5,0,0\n2,B,6,1,0\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(noControl)).getMessage()
                .contains("control"));
        Path badNumber = Files.writeString(dir.resolve("b.csv"),
                "order_id,arm,order_value,offer_impressions,offer_accepted_value\n1,control,x,0,0\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(badNumber)).getMessage()
                .contains("b.csv line 2, column order_value (\"x\")"));
        Path missing = Files.writeString(dir.resolve("c.csv"), "order_id,arm\n1,control\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Experiment.read(missing)).getMessage()
                .contains("order_value"));
    }

    @Test
    void aFileSavedAsWindows1252ReadsAndOneMixingEncodingsNamesTheLineAndColumn() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String header = "order_id,arm,order_value,offer_impressions,offer_accepted_value\n";
        Path excel = Files.write(dir.resolve("excel.csv"), (header + "1,control,5,0,0\n2,offre été,6,1,1\n")
                .getBytes(cp1252));
        assertEquals(List.of("control", "offre été"), Experiment.read(excel).arms().keySet().stream().toList());
        byte[] first = (header + "1,control,5,0,0\n2,offre été,6,1,1\n").getBytes(StandardCharsets.UTF_8);
        byte[] second = "3,offre été,6,1,1\n".getBytes(cp1252);
        byte[] mixed = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, mixed, first.length, second.length);
        Path both = Files.write(dir.resolve("mixed.csv"), mixed);
        String message = assertThrows(IllegalArgumentException.class, () -> Experiment.read(both)).getMessage();
        assertTrue(message.contains("mixed.csv line 4: column arm is not valid UTF-8"), message);
    }
}
