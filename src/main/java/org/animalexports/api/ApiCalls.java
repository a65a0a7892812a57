package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;

import java.util.Map;

/**
 * The steps of an HTTP call to an API partner (the api-call route): clears the internal headers, puts the prepared
 * request on the message, and reads what the partner answered (property {@code apiAnswer}, and {@code partnerRef}
 * when the request keeps one).
 */
public class ApiCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Puts the prepared request on the message: its method, the partner file's headers and the body. Every other
     * header goes first, but Camel's own (names starting with "Camel", in any case, as Camel's patterns match). One
     * step rather than two: each step costs every call its share of Camel's routing.
     */
    @SuppressWarnings("unchecked")
    public void request(Exchange exchange) {
        exchange.getMessage().getHeaders().keySet().removeIf(name -> !name.regionMatches(true, 0, "Camel", 0, 5));
        exchange.setProperty("apiCallStartedAt", System.nanoTime());
        // The component's own enum: a String here costs a type-converter search on every call.
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD,
                org.apache.camel.component.http.HttpMethods.valueOf(exchange.getProperty("apiMethod", String.class)));
        Map<String, String> headers = exchange.getProperty("apiHeaders", Map.class);
        headers.forEach((name, value) -> exchange.getMessage().setHeader(name, value));
        boolean preview = exchange.getProperty("apiPreview", false, Boolean.class);
        exchange.getMessage().setBody(exchange.getProperty(preview ? "payload" : "apiBody", String.class));
    }

    public void answer(Exchange exchange) {
        String text = exchange.getMessage().getBody(String.class);
        JsonNode answer = null;
        if (text != null && !text.isBlank()) {
            try {
                answer = JSON.readTree(text);
            } catch (Exception e) {
                answer = null; // a partner that acknowledges with a non-JSON body still acknowledged
            }
        }
        exchange.setProperty("apiAnswer", answer);
        // The answer is read: an empty body keeps the SQL steps that follow from trying to read parameters from it.
        exchange.getMessage().setBody(null);
        String pointer = exchange.getProperty("keepRef", String.class);
        if (pointer != null && answer != null) {
            JsonNode ref = answer.at(pointer);
            if (!ref.isMissingNode() && !ref.isNull()) {
                exchange.setProperty("partnerRef", ref.asText());
            }
        }
    }
}
