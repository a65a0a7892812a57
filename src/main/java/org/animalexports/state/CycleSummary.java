package org.animalexports.state;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a cycle's run records (counted by outcome) into one log line and the cycle's result:
 * body = counts by outcome, header cycleFailures = runs that failed.
 */
public class CycleSummary {

    private static final Logger LOG = LoggerFactory.getLogger("org.animalexports.export");

    @SuppressWarnings("unchecked")
    public void report(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        Map<String, Long> runs = new LinkedHashMap<>();
        long listed = 0;
        long removed = 0;
        long rejected = 0;
        for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
            runs.put((String) row.get("outcome"), number(row.get("runs")));
            listed += number(row.get("listed"));
            removed += number(row.get("removed"));
            rejected += number(row.get("rejected"));
        }
        long failed = runs.getOrDefault("failed", 0L) + runs.getOrDefault("held", 0L);
        String cycleId = exchange.getMessage().getHeader("cycleId", String.class);
        List<Map<String, Object>> attention = exchange.getMessage().getHeader("attentionAccounts", List.class);
        for (Map<String, Object> account : attention == null ? List.<Map<String, Object>>of() : attention) {
            LOG.warn("The {} account of organisation {} needs attention and is not exported to: {} (since {})",
                    account.get("partner_code"), account.get("org_id"), account.get("attention"),
                    account.get("attention_since"));
        }
        long needAttention = attention == null ? 0 : attention.size();
        failed += needAttention;
        if (failed > 0) {
            LOG.warn("Export cycle {} finished: runs {}; {} listed, {} removed, {} animals left out; "
                    + "{} runs failed or held, {} accounts need attention", cycleId, runs, listed, removed, rejected,
                    failed - needAttention, needAttention);
        } else {
            LOG.info("Export cycle {} finished: runs {}; {} listed, {} removed, {} animals left out",
                    cycleId, runs, listed, removed, rejected);
        }
        Map<String, Object> summary = new LinkedHashMap<>(runs);
        summary.put("listed", listed);
        summary.put("removed", removed);
        summary.put("rejected", rejected);
        summary.put("attention", needAttention);
        exchange.getMessage().setBody(summary);
        exchange.getMessage().setHeader("cycleFailures", failed);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
