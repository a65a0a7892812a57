package org.animalexports.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingBenchmarkTest {

    @Test
    void sizesDefaultToTenThousandAndAHundredThousand() {
        List<int[]> sizes = ScalingBenchmark.sizes("true");

        assertThat(sizes).containsExactly(new int[] {10_000, 100}, new int[] {100_000, 1_000});
        assertThat(ScalingBenchmark.sizes("")).hasSize(2);
        assertThat(ScalingBenchmark.sizes("2000/20, 20000/200")).containsExactly(new int[] {2_000, 20}, new int[] {20_000, 200});
        assertThatThrownBy(() -> ScalingBenchmark.sizes("2000")).hasMessageContaining("'2000' is not animals/organisations");
        assertThatThrownBy(() -> ScalingBenchmark.sizes("2000/20")).hasMessageContaining("two sizes");
    }

    @Test
    void theTableComparesTheSizesAndSaysWhetherTheCostGrewLinearly() {
        Map<String, Double> small = figures(10_000, 17.2, 8.0);
        Map<String, Double> large = figures(100_000, 75.5, 54.5);

        String table = ScalingBenchmark.table(small, large);

        assertThat(table).contains("10,000 -> 100,000 animals (10.0 x the animals)")
                .containsPattern("first full cycle, cold JVM +17\\.2 s +75\\.5 s +4\\.39 x")
                .containsPattern("first cycle per 1,000 animals +1\\.72 s +0\\.76 s")
                .contains("cost grows linearly or better: the first cycle took 4.39 x as long cold and 6.81 x warm");
        Map<String, Double> stolen = new HashMap<>(large);
        small.put("cycle.cpu.stolen", 0.0);
        stolen.put("cycle.cpu.stolen", 0.3);
        assertThat(ScalingBenchmark.table(small, stolen)).containsPattern("CPU stolen by the host +0\\.0 s +0\\.3 s +-\n");
        assertThat(ScalingBenchmark.table(small, figures(100_000, 190.0, 54.5)))
                .contains("cost grows faster than the animals: the first cycle took 11.05 x as long cold");
    }

    @Test
    void figuresGoThroughTheFileUnchanged(@TempDir Path dir) throws Exception {
        Map<String, Double> small = figures(10_000, 17.2, 8.0);
        Path file = dir.resolve("target/bench-scaling-10000.properties");

        ScalingBenchmark.write(file, small);

        assertThat(ScalingBenchmark.read(file)).isEqualTo(small);
    }

    private static Map<String, Double> figures(int animals, double cycle, double warm) {
        Map<String, Double> figures = new HashMap<>();
        figures.put("animals", (double) animals);
        figures.put("cycle.seconds", cycle);
        figures.put("warm.seconds", warm);
        figures.put("heap.peak.mb", 200.0);
        return figures;
    }
}
