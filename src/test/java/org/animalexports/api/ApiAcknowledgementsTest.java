package org.animalexports.api;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Acknowledgements are kept per organisation and leave only once written; a partner's new id is due at once. */
class ApiAcknowledgementsTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void batchIsDueWhenFullAndRowsLeaveOnlyOnceWritten() {
        ApiAcknowledgements acks = new ApiAcknowledgements(3);
        assertThat(due(acks, ack(1, 10, "petrescue", null, null))).isFalse();
        assertThat(due(acks, ack(2, 10, "petrescue", null, null))).isFalse();
        assertThat(due(acks, ack(3, 20, "petrescue", null, null))).as("another organisation's batch").isFalse();
        assertThat(due(acks, ack(4, 10, "petrescue", null, null))).isTrue();

        assertThat(acks.unwritten(10L)).extracting(r -> r.get("animalId")).containsExactly(1L, 2L, 4L);
        acks.written(10L, 2); // a later row arrived meanwhile or the write covered only these
        assertThat(acks.unwritten(10L)).extracting(r -> r.get("animalId")).containsExactly(4L);
        assertThat(acks.unwritten(20)).extracting(r -> r.get("animalId")).containsExactly(3L);
        assertThat(acks.unwritten(30L)).isEmpty();
    }

    @Test
    void partnersNewIdIsDueAtOnceButAKnownOneIsNot() {
        ApiAcknowledgements acks = new ApiAcknowledgements(100);
        assertThat(due(acks, ack(1, 10, "savourlife", "5001", null))).isTrue();
        assertThat(due(acks, ack(2, 10, "savourlife", "5002", "5002"))).isFalse();
        assertThat(due(acks, ack(3, 10, "savourlife", "5009", "5003"))).as("the partner changed its id").isTrue();
        Exchange notSentLater = ack(4, 10, "petrescue", "pr-4", null);
        notSentLater.setProperty("refUsedLater", false);
        assertThat(due(acks, notSentLater)).as("an id the partner's requests never carry").isFalse();
    }

    private Exchange ack(long animalId, long orgId, String partner, String partnerRef, String knownRef) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty("animalId", animalId);
        exchange.setProperty("orgId", orgId);
        exchange.setProperty("partnerCode", partner);
        exchange.setProperty("newState", "listed");
        exchange.setProperty("payloadHash", "h" + animalId);
        exchange.setProperty("payload", "{}");
        exchange.setProperty("partnerRef", partnerRef);
        exchange.setProperty("apiRequest", "upsert");
        exchange.setProperty("refUsedLater", true);
        Map<String, Object> candidate = new HashMap<>();
        candidate.put("partner_ref", knownRef);
        exchange.setProperty("account", candidate);
        return exchange;
    }

    private static boolean due(ApiAcknowledgements acks, Exchange exchange) {
        acks.add(exchange);
        return exchange.getMessage().getHeader("acknowledgementsDue", Boolean.class);
    }
}
