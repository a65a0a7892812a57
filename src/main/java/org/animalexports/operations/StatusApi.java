package org.animalexports.operations;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The export status API on the management server, under /exports: read-only JSON views answered by the
 * routes of routes/status-api.camel.yaml, and the operator actions (run now, release, replay), which need the
 * bearer token of exports.status.operator-token.
 *
 * <pre>
 * GET  /exports/runs                          latest run per organisation and partner
 * GET  /exports/animals/{id}                  one animal's state at every partner
 * GET  /exports/dead-letters                  open dead letters
 * GET  /exports/held-feeds                    feeds held by the mass-removal guard
 * POST /exports/organizations/{id}/run        export one organisation now
 * POST /exports/held-feeds/{id}/release       release a held feed and export it
 * POST /exports/dead-letters/{id}/replay      replay a dead letter
 * </pre>
 */
public class StatusApi {

    private static final Logger LOG = LoggerFactory.getLogger(StatusApi.class);

    private final CamelContext context;
    private final String operatorToken;

    public StatusApi(CamelContext context, String operatorToken) {
        this.context = context;
        this.operatorToken = operatorToken == null ? "" : operatorToken.trim();
    }

    /** Adds the API to the management server's router; call once Camel has started. */
    public void register() {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null) {
            LOG.info("No management HTTP server (camel.management.enabled=false): the export status API is off");
            return;
        }
        ProducerTemplate template = context.createProducerTemplate();
        var router = server.getRouter();
        router.route(HttpMethod.GET, "/exports/runs").blockingHandler(rc -> view(rc, template, "direct:status-runs", Map.of()));
        router.route(HttpMethod.GET, "/exports/dead-letters").blockingHandler(rc -> view(rc, template, "direct:status-dead-letters", Map.of()));
        router.route(HttpMethod.GET, "/exports/held-feeds").blockingHandler(rc -> view(rc, template, "direct:status-held-feeds", Map.of()));
        router.route(HttpMethod.GET, "/exports/animals/:id").blockingHandler(rc ->
                number(rc, "id").ifPresent(id -> view(rc, template, "direct:status-animal", Map.of("animalId", id))));
        router.route(HttpMethod.POST, "/exports/organizations/:id/run").blockingHandler(rc ->
                number(rc, "id").ifPresent(id -> action(rc, new String[] {"organizations", "run", Long.toString(id)})));
        router.route(HttpMethod.POST, "/exports/held-feeds/:id/release").blockingHandler(rc ->
                number(rc, "id").ifPresent(id -> action(rc, new String[] {"held-feeds", "release", Long.toString(id)})));
        router.route(HttpMethod.POST, "/exports/dead-letters/:id/replay").blockingHandler(rc ->
                number(rc, "id").ifPresent(id -> action(rc, new String[] {"dead-letters", "replay", Long.toString(id)})));
        LOG.info("Export status API at http://{}:{}/exports", server.getHost(), server.getPort());
    }

    private static java.util.Optional<Long> number(RoutingContext rc, String name) {
        try {
            return java.util.Optional.of(Long.parseLong(rc.pathParam(name)));
        } catch (NumberFormatException e) {
            reply(rc, 400, "{\"error\": \"" + name + " must be a number\"}");
            return java.util.Optional.empty();
        }
    }

    private static void view(RoutingContext rc, ProducerTemplate template, String route, Map<String, Object> headers) {
        Exchange result = template.send(route, exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        if (result.getException() != null) {
            LOG.warn("Status view {} failed: {}", route, result.getException().getMessage());
            reply(rc, 500, "{\"error\": \"the status could not be read\"}");
            return;
        }
        reply(rc, 200, result.getMessage().getBody(String.class));
    }

    private void action(RoutingContext rc, String[] command) {
        if (operatorToken.isEmpty()) {
            reply(rc, 403, "{\"error\": \"operator actions are off: set exports.status.operator-token\"}");
            return;
        }
        String auth = rc.request().getHeader("Authorization");
        byte[] given = (auth == null ? "" : auth).getBytes(StandardCharsets.UTF_8);
        byte[] expected = ("Bearer " + operatorToken).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"animal-exports\"");
            reply(rc, 401, "{\"error\": \"a valid operator token is needed\"}");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int status = new OperatorCommands(context, new PrintStream(out, true, StandardCharsets.UTF_8)).run(command);
            String text = out.toString(StandardCharsets.UTF_8);
            reply(rc, status == 2 ? 400 : 200, new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("done", status == 0).put("output", text).toString());
        } catch (Exception e) {
            LOG.warn("Operator action {} failed: {}", String.join(" ", command), e.getMessage());
            reply(rc, 500, "{\"error\": \"the action failed; see the service log\"}");
        }
    }

    private static void reply(RoutingContext rc, int status, String json) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }
}
