package org.animalexports.api;

import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what one API sync did per organisation and partner (pushed, withdrawn, rejected, failed), and hands the
 * counts over as export_runs rows when the sync ends. Syncs that changed nothing leave no rows.
 */
public class ApiRunLog {

    private final Map<String, Map<String, Counts>> syncs = new ConcurrentHashMap<>();

    private record Counts(long orgId, String partnerCode, String startedAt, AtomicInteger listed, AtomicInteger removed,
                          AtomicInteger rejected, AtomicInteger failed) {
    }

    /** A call the partner acknowledged: a listing pushed (property newState listed) or withdrawn. */
    public void acknowledged(Exchange exchange) {
        count(exchange, "listed".equals(exchange.getProperty("newState", String.class)) ? "listed" : "removed");
    }

    public void rejected(Exchange exchange) {
        count(exchange, "rejected");
    }

    public void failed(Exchange exchange) {
        count(exchange, "failed");
    }

    /** Reads properties syncId, orgId and partnerCode. */
    private void count(Exchange exchange, String outcome) {
        String syncId = exchange.getProperty("syncId", String.class);
        Long orgId = exchange.getProperty("orgId", Long.class);
        String partner = exchange.getProperty("partnerCode", String.class);
        if (syncId == null || orgId == null || partner == null) {
            return;
        }
        Counts counts = syncs.computeIfAbsent(syncId, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(orgId + "/" + partner, k -> new Counts(orgId, partner,
                        java.time.OffsetDateTime.now().toString(), new AtomicInteger(), new AtomicInteger(),
                        new AtomicInteger(), new AtomicInteger()));
        switch (outcome) {
            case "listed" -> counts.listed().incrementAndGet();
            case "removed" -> counts.removed().incrementAndGet();
            case "rejected" -> counts.rejected().incrementAndGet();
            default -> counts.failed().incrementAndGet();
        }
    }

    /** The sync's rows for export_runs, forgetting them here. */
    public List<Map<String, Object>> drain(Exchange exchange) {
        String syncId = exchange.getProperty("syncId", String.class);
        Map<String, Counts> counts = syncId == null ? null : syncs.remove(syncId);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (counts == null) {
            return rows;
        }
        for (Counts c : counts.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cycleId", syncId);
            row.put("orgId", c.orgId());
            row.put("partnerCode", c.partnerCode());
            row.put("startedAt", c.startedAt());
            row.put("listed", c.listed().get());
            row.put("removed", c.removed().get());
            row.put("rejected", c.rejected().get());
            row.put("outcome", c.failed().get() > 0 ? "failed" : "delivered");
            row.put("message", c.failed().get() > 0 ? c.failed().get() + " calls failed" : "API sync");
            rows.add(row);
        }
        return rows;
    }
}
