package org.animalexports.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The benchmark at two sizes, each in a JVM of its own (cold, as the default run), and how the cost grew between
 * them: {@code mvn -B -q -Pbench test-compile exec:exec -Dbench.scaling} runs 10,000 animals over 100 organisations,
 * then 100,000 over 1,000; {@code -Dbench.scaling=20000/200,100000/1000} names other sizes (animals/organisations).
 *
 * <p>Each run prints its whole report as {@link ExportBenchmark} does and leaves its figures in
 * {@code target/bench-scaling-<animals>.properties}; the table at the end compares the first and the last size.
 * The runs get this JVM's options (heap, collector, logging, the other {@code bench.*} settings) except a JFR
 * recording, which each run would write over the other's.
 */
public final class ScalingBenchmark {

    private ScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<int[]> sizes = sizes(System.getProperty("bench.scaling", ""));
        List<Map<String, Double>> runs = new ArrayList<>();
        for (int[] size : sizes) {
            System.out.printf("%n== scaling run: %,d animals over %,d organisations, in a new JVM ==%n", size[0], size[1]);
            runs.add(runInNewJvm(size[0], size[1], Path.of("target", "bench-scaling-" + size[0] + ".properties")));
        }
        System.out.print(table(runs.get(0), runs.get(runs.size() - 1)));
    }

    /**
     * One {@link ExportBenchmark} run in a JVM of its own, with this JVM's options but the size, the modes and a JFR
     * recording (which the runs would write over each other's); its report goes to this one's output.
     *
     * @return the run's figures, as it left them in {@code summary}
     */
    static Map<String, Double> runInNewJvm(int animals, int orgs, Path summary) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-Dbench.animals=") && !option.startsWith("-Dbench.orgs=")
                    && !option.startsWith("-Dbench.scaling") && !option.startsWith("-Dbench.runs")
                    && !option.startsWith("-XX:StartFlightRecording")) {
                command.add(option);
            }
        }
        command.add("-Dbench.animals=" + animals);
        command.add("-Dbench.orgs=" + orgs);
        command.add("-Dbench.summary=" + summary);
        command.add("-classpath");
        command.add(System.getProperty("java.class.path"));
        command.add(ExportBenchmark.class.getName());
        Files.deleteIfExists(summary);
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0 || !Files.exists(summary)) {
            throw new IllegalStateException("the benchmark at " + animals + " animals failed (exit " + exit + ")");
        }
        return read(summary);
    }

    /** "10000/100,100000/1000", or empty (or Maven's "true" for a bare -Dbench.scaling) for those two. */
    static List<int[]> sizes(String spec) {
        String text = spec.isBlank() || spec.equals("true") ? "10000/100,100000/1000" : spec;
        List<int[]> sizes = new ArrayList<>();
        for (String size : text.split(",")) {
            String[] parts = size.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("bench.scaling: '" + size + "' is not animals/organisations");
            }
            sizes.add(new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())});
        }
        if (sizes.size() < 2) {
            throw new IllegalArgumentException("bench.scaling needs two sizes at least: " + text);
        }
        return sizes;
    }

    static String table(Map<String, Double> small, Map<String, Double> large) {
        double times = large.get("animals") / small.get("animals");
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== scaling: %,.0f -> %,.0f animals (%.1f x the animals), each in a new JVM ==%n",
                small.get("animals"), large.get("animals"), times));
        out.append(String.format("%-38s %12s %12s %10s%n", "", String.format("%,.0f", small.get("animals")),
                String.format("%,.0f", large.get("animals")), "grew"));
        row(out, "first full cycle, cold JVM", "cycle.seconds", "s", small, large);
        row(out, "  its FTP part", "cycle.ftp.seconds", "s", small, large);
        row(out, "  its API part", "cycle.api.seconds", "s", small, large);
        row(out, "  the service's CPU", "cycle.cpu.service", "s", small, large);
        row(out, "  the JIT compiler's CPU", "cycle.cpu.jit", "s", small, large);
        row(out, "  PostgreSQL's CPU", "cycle.cpu.postgres", "s", small, large);
        row(out, "  CPU stolen by the host", "cycle.cpu.stolen", "s", small, large);
        row(out, "first export again, warm JVM", "warm.seconds", "s", small, large);
        row(out, "  the service's CPU", "warm.cpu.service", "s", small, large);
        row(out, "repeat full cycle", "repeat.seconds", "s", small, large);
        row(out, "both floors", "floors.seconds", "s", small, large);
        row(out, "peak heap in use", "heap.peak.mb", "MB", small, large);
        out.append(String.format("%-38s %9.2f s  %9.2f s%n", "first cycle per 1,000 animals",
                1000 * small.get("cycle.seconds") / small.get("animals"),
                1000 * large.get("cycle.seconds") / large.get("animals")));
        out.append(String.format("%-38s %9.2f s  %9.2f s%n", "warm first export per 1,000 animals",
                1000 * small.get("warm.seconds") / small.get("animals"),
                1000 * large.get("warm.seconds") / large.get("animals")));
        double cold = large.get("cycle.seconds") / small.get("cycle.seconds");
        double warm = large.get("warm.seconds") / small.get("warm.seconds");
        boolean linear = cold <= times && warm <= times;
        out.append(String.format("cost %s: the first cycle took %.2f x as long cold and %.2f x warm for %.1f x the animals%n",
                linear ? "grows linearly or better" : "grows faster than the animals", cold, warm, times));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String key, String unit, Map<String, Double> small,
                            Map<String, Double> large) {
        double a = small.getOrDefault(key, Double.NaN);
        double b = large.getOrDefault(key, Double.NaN);
        String value = unit.equals("MB") ? "%9.0f %-2s" : "%9.1f %-2s";
        // A figure that was nothing at the small size (steal, say) has no ratio.
        String grew = a > 0 ? String.format("%8.2f x", b / a) : String.format("%10s", "-");
        out.append(String.format("%-38s " + value + " " + value + " %s%n", label, a, unit, b, unit, grew));
    }

    /** Used by {@link ExportBenchmark} to leave a run's figures for this class. */
    static void write(Path file, Map<String, Double> figures) throws IOException {
        Properties properties = new Properties();
        figures.forEach((key, value) -> properties.setProperty(key, Double.toString(value)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "animal-exports benchmark figures");
        }
    }

    static Map<String, Double> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, Double> figures = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> figures.put(key, Double.parseDouble(properties.getProperty(key))));
        return figures;
    }
}
