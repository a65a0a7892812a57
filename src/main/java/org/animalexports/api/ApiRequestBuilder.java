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

    private final java.nio.file.Path previewDir;

    /** @param previewDir where requests are written instead of being sent (preview mode), or null to send them */
    public ApiRequestBuilder(java.nio.file.Path previewDir) {
        this.previewDir = previewDir;
    }

    /** What identifies a listing's content: the request without credentials and without the partner's own id. */
    public String fingerprint(PartnerConfig partner, PartnerConfig.ApiRequest request, Map<String, Object> values)
            throws MappingException {
        Map<String, Object> neutral = new HashMap<>(values);
        neutral.put("secret", "");
        neutral.put("partner_ref", null);
        return request.method() + " " + RequestTemplates.path(request.path(), neutral, partner) + " "
                + ApiPlanner.text(RequestTemplates.body(request.body(), neutral, partner));
    }

    public void prepare(Exchange exchange, PartnerConfig partner, String requestName, Map<String, Object> values,
                        String payloadHash) throws MappingException {
        PartnerConfig.ApiRequest request = partner.api().requests().get(requestName);
        String baseUrl = partner.endpoint().baseUrl().replaceAll("/+$", "");
        JsonNode body = RequestTemplates.body(request.body(), values, partner);
        Map<String, Object> withoutSecret = new HashMap<>(values);
        withoutSecret.put("secret", "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (body != null) {
            headers.put(Exchange.CONTENT_TYPE, "application/json");
        }
        PartnerConfig.Auth auth = partner.api().auth();
        if (auth != null && auth.header() != null) {
            headers.put(auth.header(), RequestTemplates.text(auth.value(), values, partner));
        }
        exchange.setProperty("apiRequest", requestName);
        exchange.setProperty("apiMethod", request.method());
        String url = baseUrl + RequestTemplates.path(request.path(), values, partner);
        if (previewDir != null) {
            // Preview: the request body, without credentials, goes to a file named for what it does.
            Object animal = values.get("id");
            java.nio.file.Path dir = previewDir.resolve(partner.code()).resolve("org-" + exchange.getProperty("orgId"));
            url = "file:" + dir.toAbsolutePath() + "?fileName=" + requestName + (animal == null ? "" : "-animal-" + animal)
                    + ".json&fileExist=Override&autoCreate=true";
        }
        exchange.setProperty("apiPreview", previewDir != null);
        exchange.setProperty("apiUrl", url);
        exchange.setProperty("apiBody", body == null ? null : body.toString());
        exchange.setProperty("apiHeaders", headers);
        exchange.setProperty("keepRef", request.keepRef());
        exchange.setProperty("payloadHash", payloadHash);
        exchange.setProperty("payload", ApiPlanner.text(RequestTemplates.body(request.body(), withoutSecret, partner)));
    }
}
