package org.animalexports.api;

import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.PartnerConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the export state keeps of a request (payload) and what decides whether a listing changed (fingerprint): never
 * the credential, never the partner's own id, wherever the partner file puts them.
 */
class ApiRequestBuilderTest {

    private final ApiRequestBuilder builder = new ApiRequestBuilder(null);

    @Test
    void payloadBlanksTheCredentialOnlyWhereTheBodyNamesIt(@TempDir Path dir) throws Exception {
        PartnerConfig partner = partner(dir);
        PartnerConfig.ApiRequest inBody = partner.api().requests().get("upsert");
        PartnerConfig.ApiRequest notInBody = partner.api().requests().get("plain");

        assertThat(builder.payload(partner, inBody, values("s3cret", null)).text())
                .isEqualTo("{\"title\":\"Luna\",\"key\":\"\",\"ref\":null}");
        assertThat(builder.payload(partner, notInBody, values("s3cret", null)).text())
                .isEqualTo("{\"title\":\"Luna\"}");
    }

    @Test
    void fingerprintIsTheSameWhateverTheCredentialAndThePartnersId(@TempDir Path dir) throws Exception {
        PartnerConfig partner = partner(dir);
        for (String name : new String[] {"upsert", "plain", "by-path"}) {
            PartnerConfig.ApiRequest request = partner.api().requests().get(name);
            String first = fingerprint(partner, request, values("s3cret", null));

            assertThat(fingerprint(partner, request, values("other", null))).as(name).isEqualTo(first);
            assertThat(fingerprint(partner, request, values("s3cret", "ref-7"))).as(name).isEqualTo(first);
            assertThat(fingerprint(partner, request, values("s3cret", null).with("name", "Max"))).as(name).isNotEqualTo(first);
            assertThat(first).as(name).doesNotContain("s3cret");
        }
        assertThat(fingerprint(partner, partner.api().requests().get("by-path"), values("s3cret", "ref-7")))
                .startsWith("POST /pets/7 ");
    }

    private String fingerprint(PartnerConfig partner, PartnerConfig.ApiRequest request, Values values) throws Exception {
        return builder.fingerprint(partner, request, values, builder.payload(partner, request, values));
    }

    private static Values values(String secret, String partnerRef) {
        Values values = new Values();
        values.put("id", 7L);
        values.put("name", "Luna");
        values.put("secret", secret);
        values.put("partner_ref", partnerRef);
        return values;
    }

    private static final class Values extends HashMap<String, Object> {
        Values with(String key, Object value) {
            put(key, value);
            return this;
        }
    }

    private static PartnerConfig partner(Path dir) throws Exception {
        Files.writeString(dir.resolve("tinypets.yaml"), """
                code: tinypets
                name: Tiny Pets
                transport: http
                endpoint:
                  base-url: https://api.tinypets.example
                capabilities:
                  max-pictures: 3
                  species: [Dog]
                statuses:
                  listed: { Available: open }
                description:
                  line-break: "\\n"
                  max-length: 2000
                  too-long: reject
                api:
                  requests:
                    upsert:
                      method: POST
                      path: /pets
                      body: { title: "{name}", key: "{secret}", ref: "{partner_ref}" }
                    plain:
                      method: POST
                      path: /pets
                      body: { title: "{name}" }
                    by-path:
                      method: POST
                      path: "/pets/{id}"
                      body: { title: "{name}" }
                  withdraw:
                    otherwise: plain
                """);
        Map<String, PartnerConfig> loaded = new HashMap<>();
        new PartnerConfigLoader().loadAll(dir).forEach(p -> loaded.put(p.code(), p));
        return loaded.get("tinypets");
    }
}
