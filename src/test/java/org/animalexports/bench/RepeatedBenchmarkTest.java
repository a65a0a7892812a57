package org.animalexports.bench;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepeatedBenchmarkTest {

    @Test
    void aBareSwitchMeansThreeRunsAndOneRunIsRefused() {
        assertThat(RepeatedBenchmark.runs("true")).isEqualTo(3);
        assertThat(RepeatedBenchmark.runs("")).isEqualTo(3);
        assertThat(RepeatedBenchmark.runs(" 5 ")).isEqualTo(5);
        assertThatThrownBy(() -> RepeatedBenchmark.runs("1")).hasMessageContaining("two runs at least");
        assertThatThrownBy(() -> RepeatedBenchmark.runs("three")).hasMessageContaining("'three' is not a number of runs");
    }

    @Test
    void theTableGivesTheLowestMedianAndHighestAndCountsTheRunsUnderTheTarget() {
        List<Map<String, Double>> runs = List.of(figures(72.0, 50.0), figures(58.0, 45.0), figures(65.0, 61.0));

        String table = RepeatedBenchmark.table(runs);

        assertThat(table).contains("3 runs of 100,000 animals")
                .containsPattern("first full cycle, cold JVM +58\\.00 s +65\\.00 s +72\\.00 s")
                .containsPattern("full cycle / both floors +2\\.32 x +2\\.60 x +2\\.88 x")
                .containsPattern("peak heap in use +300 MB +300 MB +300 MB")
                .contains("first export under 60 s: 1 of 3 runs cold, 2 of 3 warm");
    }

    @Test
    void anEvenNumberOfRunsHasTheMeanOfTheMiddleTwoAsItsMedian() {
        String table = RepeatedBenchmark.table(List.of(figures(60.0, 40.0), figures(70.0, 40.0)));

        assertThat(table).containsPattern("first full cycle, cold JVM +60\\.00 s +65\\.00 s +70\\.00 s");
    }

    private static Map<String, Double> figures(double cycle, double warm) {
        Map<String, Double> figures = new HashMap<>();
        figures.put("animals", 100_000.0);
        figures.put("cycle.seconds", cycle);
        figures.put("cycle.ftp.seconds", cycle / 3);
        figures.put("cycle.api.seconds", cycle * 2 / 3);
        figures.put("cycle.cpu.stolen", 1.0);
        figures.put("warm.seconds", warm);
        figures.put("repeat.seconds", 12.0);
        figures.put("floors.seconds", 25.0);
        figures.put("latency.p95.seconds", 2.9);
        figures.put("heap.peak.mb", 300.0);
        return figures;
    }
}
