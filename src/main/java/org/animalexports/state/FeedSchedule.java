package org.animalexports.state;

import org.animalexports.partner.PartnerRegistry;
import org.apache.camel.Exchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

/**
 * Decides whether a feed goes out: when the partner has never had one, when its content changed since the last
 * acknowledged upload, or when that upload is older than the partner's feed.max-age.
 */
public class FeedSchedule {

    private final PartnerRegistry partners;
    private final Clock clock;

    public FeedSchedule(PartnerRegistry partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /** Reads header lastFeedUpload (the feed_uploads row or null) and feedHash; sets feedDue and feedDueReason. */
    @SuppressWarnings("unchecked")
    public void decide(Exchange exchange) {
        Map<String, Object> last = exchange.getMessage().getHeader("lastFeedUpload", Map.class);
        String hash = exchange.getMessage().getHeader("feedHash", String.class);
        String partnerCode = exchange.getMessage().getHeader("partnerCode", String.class);
        Duration maxAge = partners.get(partnerCode).feed().maxAgeDuration();
        String reason = reason(last, hash, maxAge);
        exchange.getMessage().setHeader("feedDue", reason != null);
        exchange.getMessage().setHeader("feedDueReason", reason == null ? "unchanged" : reason);
    }

    String reason(Map<String, Object> last, String hash, Duration maxAge) {
        if (last == null || last.get("content_hash") == null) {
            return "first feed";
        }
        if (!last.get("content_hash").equals(hash)) {
            return "content changed";
        }
        Instant uploadedAt = instant(last.get("uploaded_at"));
        if (uploadedAt == null || !uploadedAt.plus(maxAge).isAfter(clock.instant())) {
            return "older than " + maxAge;
        }
        return null;
    }

    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return null;
    }
}
