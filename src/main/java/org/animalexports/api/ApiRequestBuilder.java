package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.animalexports.animal.MappingException;
import org.animalexports.partner.PartnerConfig;
import org.apache.camel.Exchange;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one of a partner's request templates into an HTTP request kept in exchange properties, so that the
 * api-call route can send it after clearing every header: {@code apiMethod}, {@code apiUrl}, {@code apiBody},
 * {@code apiHeaders}, {@code keepRef}, and, for listings, {@code payloadHash} and {@code payload} (the body without
 * the credentials, as kept in the export state).
 */
public class ApiRequestBuilder {

    private static final java.util.regex.Pattern TRAILING_SLASHES = java.util.regex.Pattern.compile("/+$");

    private final java.nio.file.Path previewDir;
    private final RequestTemplates templates = new RequestTemplates();

    /** @param previewDir where requests are written instead of being sent (preview mode), or null to send them */
    public ApiRequestBuilder(java.nio.file.Path previewDir) {
        this.previewDir = previewDir;
    }

    /** A request's body as the export state keeps it: rendered with the credential blanked. */
    public Rendered payload(PartnerConfig partner, PartnerConfig.ApiRequest request, Map<String, Object> values)
            throws MappingException {
        // Blanking the credential copies the values: only for a body that names it.
        Map<String, Object> kept = templates.names(request.body()).contains("secret") ? withoutSecret(values) : values;
        return Rendered.of(templates.body(request.body(), kept, partner));
    }

    /** The values with the credential blanked. */
    private static Map<String, Object> withoutSecret(Map<String, Object> values) {
        Map<String, Object> copy = new HashMap<>(values);
        copy.put("secret", "");
        return copy;
    }

    /**
     * What identifies a listing's content: the request without credentials and without the partner's own id.
     *
     * @param payload the request's {@link #payload}; reused when the body does not name the partner's id, so the
     *                body is rendered and written out once instead of twice (and the values are copied to blank the
     *                credential and the id only where the body or the path names them)
     */
    public String fingerprint(PartnerConfig partner, PartnerConfig.ApiRequest request, Map<String, Object> values,
                              Rendered payload) throws MappingException {
        boolean bodyNamesRef = values.get("partner_ref") != null && templates.names(request.body()).contains("partner_ref");
        boolean pathNamesEither = templates.uses(request.path(), "secret") || templates.uses(request.path(), "partner_ref");
        Map<String, Object> neutral = values;
        if (bodyNamesRef || pathNamesEither) {
            neutral = withoutSecret(values);
            neutral.put("partner_ref", null);
        }
        String body = bodyNamesRef ? JsonText.of(templates.body(request.body(), neutral, partner)) : payload.text();
        return request.method() + " " + templates.path(request.path(), neutral, partner) + " " + body;
    }

    /** A body rendered once, with the text it is sent and kept as. */
    public record Rendered(JsonNode body, String text) {

        public static Rendered of(JsonNode body) {
            return new Rendered(body, JsonText.of(body));
        }
    }

    /**
     * @param payload the request's {@link #payload}, or null to render it here; the body sent is the same when
     *                the template does not name the credential
     */
    public void prepare(Exchange exchange, PartnerConfig partner, String requestName, Map<String, Object> values,
                        String payloadHash, Rendered payload) throws MappingException {
        PartnerConfig.ApiRequest request = partner.api().requests().get(requestName);
        String baseUrl = TRAILING_SLASHES.matcher(partner.endpoint().baseUrl()).replaceAll("");
        Rendered kept = payload != null ? payload : payload(partner, request, values);
        Rendered sent = templates.names(request.body()).contains("secret")
                ? Rendered.of(templates.body(request.body(), values, partner)) : kept;
        JsonNode body = sent.body();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put(Exchange.CONTENT_TYPE, "application/json");
        }
        PartnerConfig.Auth auth = partner.api().auth();
        if (auth != null && auth.header() != null) {
            headers.put(auth.header(), templates.text(auth.value(), values, partner));
        }
        exchange.setProperty("apiRequest", requestName);
        exchange.setProperty("apiMethod", request.method());
        String url = baseUrl + templates.path(request.path(), values, partner);
        if (previewDir != null) {
            // Preview: the request body, without credentials, goes to a file named for what it does.
            Object animal = values.get("id");
            java.nio.file.Path dir = previewDir.resolve(partner.code()).resolve("org-" + exchange.getProperty("orgId"));
            url = "file:" + dir.toAbsolutePath() + "?fileName=" + requestName + (animal == null ? "" : "-animal-" + animal)
                    + ".json&fileExist=Override&autoCreate=true";
        }
        exchange.setProperty("apiPreview", previewDir != null);
        exchange.setProperty("apiUrl", url);
        exchange.setProperty("apiBody", body == null ? null : sent.text());
        exchange.setProperty("apiHeaders", headers);
        exchange.setProperty("keepRef", request.keepRef());
        exchange.setProperty("payloadHash", payloadHash);
        exchange.setProperty("payload", kept.text());
    }
}
