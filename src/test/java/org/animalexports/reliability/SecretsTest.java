package org.animalexports.reliability;

import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.junit.jupiter.api.Test;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FTP passwords and API tokens never appear in logs (Camel's own at DEBUG included), dead letters, run records,
 * export state, error messages or JMX attributes, also when every kind of failure happens.
 */
class SecretsTest extends ExportTestSupport {

    private static final String FTP_SECRET = "Ftp-S3cret-Wr0ng";
    private static final String HEADER_TOKEN = "Hdr-T0ken-S3cret";
    private static final String BODY_TOKEN = "Body-T0ken-S3cret";
    private static final Path LOG = Path.of("target/test-logs/all.log");

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Test
    void secretsAppearNowhereAfterFailuresOfEveryKind() throws Exception {
        long logStart = Files.exists(LOG) ? Files.size(LOG) : 0;
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, FTP_SECRET).insert();        // refused login (530)
        db.account(1, "adoptapet", "AAP1", AAP_USER, AAP_PASSWORD).insert();     // works
        db.account(1, "petrescue", "PR1", null, HEADER_TOKEN).insert();           // 400 and 500
        db.account(1, "savourlife", "SL1", null, BODY_TOKEN).insert();            // 500, then the token is echoed
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        petrescue().enqueue(HttpPeer.Response.json(400, "{\"error\": \"bad request\"}"));
        petrescue().respondWith(r -> HttpPeer.Response.json(500, "{\"error\": \"down\"}"));
        savourlife().respondWith(r -> HttpPeer.Response.json(500, "{\"echo\": " + r.body() + "}"));

        runCycle();
        runCycle();

        String logs = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).substring((int) logStart);
        assertThat(logs).contains("530").contains("failed");
        assertNoSecret("logs", logs);
        for (String table : List.of("dead_letters", "export_runs", "animal_export_state", "partner_accounts")) {
            String rows = db.query("select * from " + table).toString();
            if (table.equals("partner_accounts")) {
                rows = rows.replace("secret=" + FTP_SECRET, "").replace("secret=" + HEADER_TOKEN, "")
                        .replace("secret=" + BODY_TOKEN, "").replace("secret=" + AAP_PASSWORD, "");
            }
            assertNoSecret(table, rows);
        }
        assertThat(db.query("select count(*) as n from dead_letters").get(0).get("n")).isEqualTo(5L); // a feed, 2 animals x 2 partners
        assertNoSecret("JMX", jmxAttributes());
    }

    private static String jmxAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
                } catch (Exception unreadable) {
                    // some attributes cannot be read outside a running exchange
                }
            }
        }
        assertThat(values).anyMatch(v -> v.contains("upload-feed-file")).anyMatch(v -> v.contains("call-partner"));
        return String.join("\n", values);
    }

    private static void assertNoSecret(String where, String text) {
        for (String secret : List.of(FTP_SECRET, HEADER_TOKEN, BODY_TOKEN, AAP_PASSWORD, PF_PASSWORD)) {
            assertThat(text).as(where + " must not contain a secret").doesNotContain(secret);
        }
    }
}
