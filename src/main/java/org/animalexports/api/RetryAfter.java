package org.animalexports.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Honours a partner's Retry-After (seconds or an HTTP date) on a 429 or 503: the next redelivery waits that long,
 * capped, instead of the exponential backoff.
 */
public class RetryAfter implements Processor {

    private final long maxMillis;

    public RetryAfter(long maxMillis) {
        this.maxMillis = maxMillis;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().removeHeader(Exchange.REDELIVERY_DELAY);
        HttpOperationFailedException failure = exchange.getException(HttpOperationFailedException.class);
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, HttpOperationFailedException.class);
        }
        if (failure == null || failure.getResponseHeaders() == null) {
            return;
        }
        String value = failure.getResponseHeaders().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Retry-After"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        Long millis = millis(value);
        if (millis != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, Math.max(0, Math.min(millis, maxMillis)));
        }
    }

    static Long millis(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("[0-9]{1,9}")) {
            return Long.parseLong(v) * 1000;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.max(0, Duration.between(ZonedDateTime.now(at.getZone()), at).toMillis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
