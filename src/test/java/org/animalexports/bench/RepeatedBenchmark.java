package org.animalexports.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The benchmark several times at one size, each run in a JVM of its own (cold, as the default run), and the spread
 * of its figures: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.runs=3}. On a shared virtual machine the
 * same build's first cycle differs by a quarter from run to run; the median and the range say more than one run.
 *
 * <p>Each run prints its whole report as {@link ExportBenchmark} does and leaves its figures in
 * {@code target/bench-run-<n>.properties}; the table at the end gives the lowest, the median and the highest of each.
 */
public final class RepeatedBenchmark {

    /** The first export of 100,000 animals should take less than this (issue 6). */
    static final double TARGET_SECONDS = 60;

    private RepeatedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = runs(System.getProperty("bench.runs", ""));
        int animals = Integer.getInteger("bench.animals", 100_000);
        int orgs = Integer.getInteger("bench.orgs", 1_000);
        List<Map<String, Double>> runs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            System.out.printf("%n== run %d of %d: %,d animals over %,d organisations, in a new JVM ==%n", i, count, animals, orgs);
            runs.add(ScalingBenchmark.runInNewJvm(animals, orgs, Path.of("target", "bench-run-" + i + ".properties")));
        }
        System.out.print(table(runs));
    }

    /** How many runs: at least two (one is the plain benchmark); Maven's "true" for a bare -Dbench.runs is three. */
    static int runs(String spec) {
        String text = spec.isBlank() || spec.equals("true") ? "3" : spec.trim();
        int runs;
        try {
            runs = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench.runs: '" + spec + "' is not a number of runs");
        }
        if (runs < 2) {
            throw new IllegalArgumentException("bench.runs needs two runs at least (one is the plain benchmark): " + runs);
        }
        return runs;
    }

    static String table(List<Map<String, Double>> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== %d runs of %,.0f animals, each in a new JVM ==%n", runs.size(), runs.get(0).get("animals")));
        out.append(String.format("%-38s %10s %10s %10s%n", "", "lowest", "median", "highest"));
        row(out, runs, "first full cycle, cold JVM", "s", r -> r.get("cycle.seconds"));
        row(out, runs, "  its FTP part", "s", r -> r.get("cycle.ftp.seconds"));
        row(out, runs, "  its API part", "s", r -> r.get("cycle.api.seconds"));
        row(out, runs, "  CPU stolen by the host", "s", r -> r.get("cycle.cpu.stolen"));
        row(out, runs, "full cycle / both floors", "x", r -> r.get("cycle.seconds") / r.get("floors.seconds"));
        row(out, runs, "first export again, warm JVM", "s", r -> r.get("warm.seconds"));
        row(out, runs, "repeat full cycle", "s", r -> r.get("repeat.seconds"));
        row(out, runs, "both floors", "s", r -> r.get("floors.seconds"));
        row(out, runs, "change -> partner p95", "s", r -> r.get("latency.p95.seconds"));
        row(out, runs, "peak heap in use", "MB", r -> r.get("heap.peak.mb"));
        long cold = runs.stream().filter(r -> r.get("cycle.seconds") < TARGET_SECONDS).count();
        long warm = runs.stream().filter(r -> r.get("warm.seconds") < TARGET_SECONDS).count();
        out.append(String.format("first export under %.0f s: %d of %d runs cold, %d of %d warm%n",
                TARGET_SECONDS, cold, runs.size(), warm, runs.size()));
        return out.toString();
    }

    private static void row(StringBuilder out, List<Map<String, Double>> runs, String label, String unit,
                            Function<Map<String, Double>, Double> figure) {
        List<Double> values = new ArrayList<>();
        for (Map<String, Double> run : runs) {
            Double value = figure.apply(run);
            values.add(value == null ? Double.NaN : value);
        }
        values.sort(null);
        int n = values.size();
        double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
        String cell = unit.equals("MB") ? "%7.0f %-2s" : "%7.2f %-2s";
        out.append(String.format("%-38s " + cell + " " + cell + " " + cell + "%n", label, values.get(0), unit, median, unit,
                values.get(n - 1), unit));
    }
}
