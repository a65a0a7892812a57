package org.animalexports.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.animalexports.support.ExportTestSupport;
import org.apache.camel.spi.RuntimeEndpointRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators reach over HTTP on the management server: health, Prometheus metrics, Jolokia, the status API. */
class OperationsTest extends ExportTestSupport {

    private static final int PORT = freePort();
    private static final String TOKEN = "op-T0ken-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("camel.management.enabled", "true");
        p.put("camel.management.port", Integer.toString(PORT));
        p.put("exports.status.operator-token", TOKEN);
        return p;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String name, String partner) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{partner=\"" + partner + "\"[^}]*} ([0-9.E+-]+)$")
                .matcher(get("/observe/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    @Test
    void healthMetricsAndStatusFollowTheExports() throws Exception {
        petfinderAccount();
        for (int i = 1; i <= 12; i++) {
            db.animal(i, 1).insert();
        }
        runCycle();

        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
        assertThat(metric("exports_animals_listed_total", "petfinder")).isEqualTo(12.0);
        assertThat(metric("exports_last_success_age_seconds", "petfinder")).isBetween(0.0, 60.0);
        assertThat(metric("exports_last_success_age_seconds", "adoptapet")).isEqualTo(-1.0);

        db.exec("update animals set status = 'Adopted' where id > 1"); // 11 of 12 would go: held
        runCycle();

        assertThat(metric("exports_feeds_held_total", "petfinder")).isEqualTo(1.0);
        HttpResponse<String> notReady = get("/observe/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("exports-held-feeds").contains("DOWN");
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);

        JsonNode held = json.readTree(get("/exports/held-feeds").body());
        assertThat(held).hasSize(1);
        assertThat(held.get(0).path("would_remove").asInt()).isEqualTo(11);
        JsonNode runs = json.readTree(get("/exports/runs").body());
        assertThat(runs.get(0).path("outcome").asText()).isEqualTo("held");
        JsonNode animal = json.readTree(get("/exports/animals/2").body());
        assertThat(animal.get(0).path("partner_code").asText()).isEqualTo("petfinder");
        assertThat(animal.get(0).path("state").asText()).isEqualTo("held");

        long id = held.get(0).path("id").asLong();
        assertThat(post("/exports/held-feeds/" + id + "/release", null).statusCode()).isEqualTo(401);
        assertThat(post("/exports/held-feeds/" + id + "/release", "not-it").statusCode()).isEqualTo(401);
        HttpResponse<String> released = post("/exports/held-feeds/" + id + "/release", TOKEN);
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json.readTree(released.body()).path("done").asBoolean()).isTrue();

        assertThat(get("/observe/health/ready").statusCode()).isEqualTo(200);
        assertThat(metric("exports_animals_withdrawn_total", "petfinder")).isEqualTo(11.0);
        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(json.readTree(get("/exports/animals/2").body()).get(0).path("state").asText()).isEqualTo("withdrawn");
        assertThat(json.readTree(get("/exports/dead-letters").body())).isEmpty();

        HttpResponse<String> run = post("/exports/organizations/1/run", TOKEN);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("unchanged");
    }

    @Test
    void jolokiaServesCamelForHawtioButNotTheJvmDiagnostics() throws Exception {
        JsonNode state = json.readTree(get("/observe/jolokia/read/org.apache.camel:context=animal-exports,"
                + "type=context,name=%22animal-exports%22/State").body());
        assertThat(state.path("value").asText()).isEqualTo("Started");
        JsonNode routes = json.readTree(get("/observe/jolokia/search/org.apache.camel:type=routes,*").body());
        assertThat(routes.path("value").toString()).contains("ftp-feed").contains("api-push");
        JsonNode denied = json.readTree(get("/observe/jolokia/exec/com.sun.management:type=DiagnosticCommand/vmFlags").body());
        assertThat(denied.path("error").asText()).contains("forbidden");
    }

    @Test
    void endpointRuntimeStatisticsStayOffAsApplicationPropertiesSay() throws Exception {
        // Extended statistics (for Hawtio) would bring Camel's registry in, counting every message to every URI.
        assertThat(context.getManagementStrategy().getManagementAgent().getStatisticsLevel().isExtended()).isTrue();
        RuntimeEndpointRegistry registry = context.getRuntimeEndpointRegistry();
        assertThat(registry.isEnabled()).isFalse();
        petfinderAccount();
        db.animal(1, 1).insert();
        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(registry.getEndpointStatistics()).isEmpty();
    }

    private void petfinderAccount() {
        db.org(1).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
    }
}
