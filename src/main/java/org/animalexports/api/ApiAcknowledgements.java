package org.animalexports.api;

import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What API partners acknowledged and the export state does not hold yet, per organisation, so that
 * routes/api-push.camel.yaml records them in batches (routes/sql/record-api-acknowledged.sql, one row each).
 * A batch is due when it holds {@code exports.api.ack-batch-size} acknowledgements, at once when a partner
 * answered with an id of its own that the state does not hold yet and that its later requests carry
 * (SavourLife's DogId; PetRescue's listing id is kept but never sent), and at the end of each organisation's
 * sync. Rows leave only once written: a failed write keeps them
 * for the next attempt.
 */
public class ApiAcknowledgements {

    private final int batchSize;
    private final Map<Long, List<Map<String, Object>>> pending = new ConcurrentHashMap<>();

    /** @param batchSize acknowledgements recorded together; 1 records each one before the next call */
    public ApiAcknowledgements(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("exports.api.ack-batch-size must be at least 1, not " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Keeps the acknowledgement the exchange carries; header {@code acknowledgementsDue}: whether to write now. */
    @SuppressWarnings("unchecked")
    public void add(Exchange exchange) {
        Map<String, Object> row = new HashMap<>();
        for (String name : List.of("animalId", "partnerCode", "orgId", "newState", "payloadHash", "payload",
                "partnerRef", "apiRequest")) {
            row.put(name, exchange.getProperty(name));
        }
        List<Map<String, Object>> rows = pending.computeIfAbsent(key(exchange.getProperty("orgId")), k -> new ArrayList<>());
        boolean due;
        synchronized (rows) {
            rows.add(row);
            due = rows.size() >= batchSize;
        }
        Object partnerRef = exchange.getProperty("partnerRef");
        Map<String, Object> candidate = exchange.getProperty("account", Map.class);
        Object knownRef = candidate == null ? null : candidate.get("partner_ref");
        boolean newRef = partnerRef != null && exchange.getProperty("refUsedLater", false, Boolean.class)
                && !partnerRef.toString().equals(knownRef == null ? null : knownRef.toString());
        exchange.getMessage().setHeader("acknowledgementsDue", due || newRef);
    }

    /** The organisation's acknowledgements not written yet, oldest first (a copy). */
    public List<Map<String, Object>> unwritten(Object orgId) {
        List<Map<String, Object>> rows = pending.get(key(orgId));
        if (rows == null) {
            return List.of();
        }
        synchronized (rows) {
            return new ArrayList<>(rows);
        }
    }

    /** The first {@code count} of them are in the export state now. */
    public void written(Object orgId, int count) {
        List<Map<String, Object>> rows = pending.get(key(orgId));
        if (rows == null) {
            return;
        }
        synchronized (rows) {
            rows.subList(0, Math.min(count, rows.size())).clear();
        }
    }

    private static Long key(Object orgId) {
        return orgId instanceof Number n ? n.longValue() : Long.valueOf(String.valueOf(orgId));
    }
}
