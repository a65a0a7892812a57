package org.animalexports.api;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far the change poll has read: the database time at the start of the last sync that finished. The next
 * poll reads changes from a little before it, so a row committed late is not missed; a payload the partner
 * already has is not pushed again, so reading a change twice costs nothing.
 */
public class ApiWatermark {

    private static final long OVERLAP_SECONDS = 5;

    private final AtomicReference<OffsetDateTime> last = new AtomicReference<>();

    /** Where the next poll starts; before the first sync, the start time it is given. */
    public String since(Object pollStartedAt) {
        OffsetDateTime mark = last.get();
        if (mark == null) {
            mark = toTime(pollStartedAt);
            last.compareAndSet(null, mark);
        }
        return mark.minusSeconds(OVERLAP_SECONDS).toString();
    }

    public void advance(Object syncStartedAt) {
        OffsetDateTime at = toTime(syncStartedAt);
        last.accumulateAndGet(at, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
