package org.animalexports.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A third JSON partner added as one YAML file in a partner-config folder, with no code change, is exported to. */
class DeclarativePartnerTest extends ExportTestSupport {

    private static final HttpPeer PAWS = new HttpPeer();
    private static final Path FOLDER = partnerFolder();

    private static Path partnerFolder() {
        try {
            Path dir = Files.createTempDirectory("partner-config");
            for (String code : List.of("petfinder", "adoptapet", "petrescue", "savourlife")) {
                Files.copy(Path.of("partner-config", code + ".yaml"), dir.resolve(code + ".yaml"));
            }
            Files.writeString(dir.resolve("pawsnearby.yaml"), """
                    code: pawsnearby
                    name: Paws Nearby
                    transport: http
                    endpoint:
                      base-url: https://api.pawsnearby.example
                    capabilities:
                      links-in-description: false
                      max-pictures: 3
                      species: [Dog, Cat, Ferret]
                    statuses:
                      listed: { Available: open, Hold: paused }
                    description:
                      line-break: "\\n"
                      max-length: 2000
                      too-long: reject
                    api:
                      auth: { header: X-Api-Key, value: "{secret}" }
                      requests:
                        upsert:
                          method: PUT
                          path: "/shelters/{account_id}/pets/{id}"
                          body:
                            title: "{name}"
                            kind: "{species|kind}"
                            sex: "{sex|sex}"
                            about: "{description}"
                            pictures: "{photos}"
                            state: "{status}"
                        remove:
                          method: DELETE
                          path: "/shelters/{account_id}/pets/{id}"
                      withdraw:
                        otherwise: remove
                    maps:
                      kind:
                        values: { Dog: canine, Cat: feline }
                      sex:
                        values: { Male: m, Female: f }
                        fallback: u
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopPaws() {
        PAWS.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("exports.partner-config-dir", FOLDER.toString());
        p.put("partners.pawsnearby.base-url", PAWS.baseUrl());
        return p;
    }

    @Test
    void newPartnerFileIsExportedToWithoutCode() throws Exception {
        PAWS.reset();
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "pawsnearby", "S-9", null, "paws-key").insert();
        db.animal(3, 1).set("name", "Mia").set("species", "Cat").set("primary_breed", "Siamese").set("sex", "Female")
                .set("status", "Hold").set("description", "Shy.").insert();
        db.animal(4, 1).set("species", "Rabbit").insert();
        db.animal(5, 1).set("species", "Ferret").set("primary_breed", null).insert();
        db.animal(6, 1).set("description", "long ".repeat(600)).insert();

        runCycle();

        List<HttpPeer.Request> requests = PAWS.requests();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).method() + " " + requests.get(0).path()).isEqualTo("PUT /shelters/S-9/pets/3");
        // One animal whose species the partner's map cannot take, one whose description is over the partner's
        // limit: both reported with their field, the rest went out.
        assertThat(db.query("select animal_id, reason from dead_letters where partner_code = 'pawsnearby' order by animal_id"))
                .extracting(r -> r.get("animal_id") + " " + r.get("reason"))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("5 species: 'Ferret' cannot be sent to pawsnearby"),
                        r -> assertThat(r).startsWith("6 description: is 2999 characters, pawsnearby takes at most 2000"));
        assertThat(requests.get(0).header("X-Api-Key")).isEqualTo("paws-key");
        assertThat(new ObjectMapper().readTree(requests.get(0).body())).isEqualTo(new ObjectMapper().readTree(
                "{\"title\": \"Mia\", \"kind\": \"feline\", \"sex\": \"f\", \"about\": \"Shy.\", \"pictures\": [], \"state\": \"paused\"}"));

        db.exec("update animals set status = 'Adopted' where id = 3");
        runCycle();

        assertThat(PAWS.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("PUT /shelters/S-9/pets/3", "DELETE /shelters/S-9/pets/3");
    }
}
