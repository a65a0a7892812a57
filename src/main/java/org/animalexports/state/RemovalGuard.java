package org.animalexports.state;

import org.apache.camel.Exchange;

import java.util.Map;

/**
 * The mass-removal guard (SPEC 5): a feed that would remove more than a share of the animals the partner lists
 * now (default 50 %), and at least a minimum number of them (default 10), is held instead of uploaded, unless an
 * operator released exactly this feed.
 */
public class RemovalGuard {

    private final double maxShare;
    private final int minRemovals;

    public RemovalGuard(double maxShare, int minRemovals) {
        this.maxShare = maxShare;
        this.minRemovals = minRemovals;
    }

    /** Reads header removals (listed_now, would_remove, hold_status); sets feedHeld and feedHeldReason. */
    @SuppressWarnings("unchecked")
    public void check(Exchange exchange) {
        Map<String, Object> removals = exchange.getMessage().getHeader("removals", Map.class);
        long listed = number(removals, "listed_now");
        long removing = number(removals, "would_remove");
        boolean released = removals != null && "released".equals(removals.get("hold_status"));
        boolean tooMany = removing >= minRemovals && removing > listed * maxShare;
        exchange.getMessage().setHeader("feedHeld", tooMany && !released);
        exchange.getMessage().setHeader("feedHeldReason", tooMany
                ? "would remove " + removing + " of " + listed + " listed animals (limit: more than "
                + Math.round(maxShare * 100) + " % and at least " + minRemovals + ")" + (released ? ", released by an operator" : "")
                : null);
    }

    private static long number(Map<String, Object> map, String key) {
        return map != null && map.get(key) instanceof Number n ? n.longValue() : 0L;
    }
}
