package org.animalexports.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-partner export metrics for Prometheus (/observe/metrics): animals listed, withdrawn, failed, held and
 * dead-lettered, feed bytes, push latency (the HTTP call, and from the change to the partner's acknowledgement),
 * and the age of each partner's last successful export. The routes call it as things happen.
 */
public class ExportMetrics {

    private final CamelContext context;
    private final Collection<String> partners;
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    /**
     * The meters by name and partner, once registered: Micrometer's builders build and sort the meter's id and look
     * it up on every call, three times per push.
     */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    public ExportMetrics(CamelContext context, Collection<String> partners) {
        this.context = context;
        this.partners = partners;
    }

    private MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = context.getRegistry().findSingleByType(MeterRegistry.class);
                    if (r == null) {
                        r = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
                    }
                    for (String partner : partners) {
                        Gauge.builder("exports.last.success.age", lastSuccess,
                                        m -> m.containsKey(partner)
                                                ? Duration.between(m.get(partner), Instant.now()).toMillis() / 1000.0 : -1)
                                .description("Seconds since the partner last acknowledged an export (-1: not since start)")
                                .baseUnit("seconds").tag("partner", partner).register(r);
                    }
                    registry = r;
                }
            }
        }
        return r;
    }

    /** Registers the gauges as soon as the metrics registry exists, so every partner shows from the start. */
    public void start() {
        registry();
    }

    private Counter counter(String name, String partner, String description) {
        return counters.computeIfAbsent(name + " " + partner,
                key -> Counter.builder(name).description(description).tag("partner", partner).register(registry()));
    }

    private Timer timer(String name, String partner, String description) {
        return timers.computeIfAbsent(name + " " + partner,
                key -> Timer.builder(name).description(description).tag("partner", partner).register(registry()));
    }

    private static String partner(Exchange exchange) {
        String code = exchange.getProperty("partnerCode", String.class);
        return code != null ? code : exchange.getMessage().getHeader("partnerCode", String.class);
    }

    private static long header(Exchange exchange, String name) {
        Long value = exchange.getMessage().getHeader(name, Long.class);
        return value == null ? 0 : value;
    }

    public void feedDelivered(Exchange exchange) {
        String partner = partner(exchange);
        counter("exports.animals.listed", partner, "Animals in feeds uploaded or listings pushed").increment(header(exchange, "listedCount"));
        counter("exports.animals.withdrawn", partner, "Animals removed from a partner").increment(header(exchange, "removedCount"));
        counter("exports.animals.failed", partner, "Animals left out or not delivered").increment(header(exchange, "rejectedCount"));
        counter("exports.dead.letters", partner, "Exports that finally failed and were dead-lettered")
                .increment(header(exchange, "rejectedCount"));
        DistributionSummary.builder("exports.feed.bytes").description("Size of uploaded feeds").baseUnit("bytes")
                .tag("partner", partner).register(registry()).record(header(exchange, "feedBytes"));
        lastSuccess.put(partner, Instant.now());
    }

    public void feedUnchanged(Exchange exchange) {
        lastSuccess.put(partner(exchange), Instant.now());
    }

    public void feedHeld(Exchange exchange) {
        counter("exports.feeds.held", partner(exchange), "Feeds held by the mass-removal guard").increment();
    }

    public void failed(Exchange exchange) {
        counter("exports.animals.failed", partner(exchange), "Animals left out or not delivered").increment();
    }

    public void deadLettered(Exchange exchange) {
        counter("exports.dead.letters", partner(exchange), "Exports that finally failed and were dead-lettered").increment();
    }

    public void apiAcknowledged(Exchange exchange) {
        String partner = partner(exchange);
        boolean listed = "listed".equals(exchange.getProperty("newState", String.class));
        counter(listed ? "exports.animals.listed" : "exports.animals.withdrawn", partner,
                listed ? "Animals in feeds uploaded or listings pushed" : "Animals removed from a partner").increment();
        Long started = exchange.getProperty("apiCallStartedAt", Long.class);
        if (started != null) {
            timer("exports.push.latency", partner, "Duration of the HTTP call that delivered a change")
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
        Object changedAt = exchange.getProperty("changedAt");
        if (changedAt instanceof Date date) {
            String description = "From the change in the database to the partner's acknowledgement";
            Duration sinceChange = Duration.between(date.toInstant(), Instant.now());
            timer("exports.change.latency", partner, description).record(sinceChange);
        }
        lastSuccess.put(partner, Instant.now());
    }
}
