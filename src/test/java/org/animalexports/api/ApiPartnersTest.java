package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What PetRescue and SavourLife receive over HTTP (SPEC 3.3): method, path, headers and JSON, call by call. */
class ApiPartnersTest extends ExportTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpPeer.Request request) {
        return request.json();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void firstPushSendsEachPartnerItsOwnRequest() {
        orgWithApiPartners(1);
        db.animal(7, 1).set("name", "Rex").set("primary_breed", "Beagle").set("secondary_breed", "Boxer")
                .set("description", "Good <b>boy</b>.").set("altered", true).set("ok_with_cats", false).insert();
        db.picture(1, 7, 1, "https://img.example.org/7.jpg").insert();

        runCycle();

        List<HttpPeer.Request> pr = petrescue().requests();
        assertThat(pr).hasSize(1);
        assertThat(pr.get(0).method()).isEqualTo("POST");
        assertThat(pr.get(0).path()).isEqualTo("/listings");
        assertThat(pr.get(0).header("Authorization")).isEqualTo("Token token=pr-token-1");
        assertThat(pr.get(0).header("Content-Type")).startsWith("application/json");
        for (String internal : List.of("orgId", "cycleId", "instanceId", "apiPartners", "apiListable", "apiAction",
                "fullSync", "since", "syncStartedAt", "claimLeaseSeconds")) {
            assertThat(pr.get(0).header(internal)).as("internal header " + internal).isNull();
        }
        JsonNode body = json(pr.get(0));
        String photo = body.path("photo_urls").get(0).asText();
        assertThat(photo).startsWith("https://img.example.org/7.jpg?v=");
        assertThat(body).isEqualTo(json("{\"remote_id\": 7, \"remote_source\": \"PR1\", \"name\": \"Rex\","
                + " \"species_name\": \"dog\", \"breed_names\": [\"Beagle\", \"Boxer\"], \"mixed_breed\": true,"
                + " \"gender\": \"male\", \"size\": \"medium\", \"age\": \"adult\", \"description\": \"Good boy.\","
                + " \"photo_urls\": [\"" + photo + "\"], \"desexed\": true, \"vaccinated\": null,"
                + " \"good_with_dogs\": null, \"good_with_cats\": false, \"good_with_children\": null,"
                + " \"special_needs\": null, \"adoption_fee\": null}"));

        List<HttpPeer.Request> sl = savourlife().requests();
        assertThat(sl).hasSize(1);
        assertThat(sl.get(0).method() + " " + sl.get(0).path()).isEqualTo("POST /SetAnimal");
        assertThat(sl.get(0).header("Authorization")).isNull();
        JsonNode dog = json(sl.get(0));
        assertThat(dog.path("Token").asText()).isEqualTo("sl-token-1");
        assertThat(dog.path("Code").asLong()).isEqualTo(7);
        assertThat(dog.has("DogId")).isFalse();
        assertThat(dog.path("DogName").asText()).isEqualTo("Rex");
        assertThat(dog.path("IsMale").asBoolean()).isTrue();
        assertThat(dog.path("Images").get(0).asText()).isEqualTo(photo);

        assertThat(db.query("select partner_code, state, partner_ref from animal_export_state order by partner_code"))
                .containsExactly(Map.of("partner_code", "petrescue", "state", "listed", "partner_ref", "pr-7"),
                        Map.of("partner_code", "savourlife", "state", "listed", "partner_ref", "5007"));
        assertThat((String) db.query("select payload from animal_export_state where partner_code = 'savourlife'")
                .get(0).get("payload")).doesNotContain("sl-token-1");
    }

    @Test
    void unchangedAnimalIsNotPushedAgain() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();

        runCycle();
        runCycle();

        assertThat(petrescue().requests()).hasSize(1);
        assertThat(savourlife().requests()).hasSize(1);
    }

    @Test
    void editedDescriptionIsPushedOnceAndCarriesTheDogId() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        runCycle();

        db.exec("update animals set description = 'Now house-trained.' where id = 1");
        runCycle();
        runCycle();

        assertThat(petrescue().requests()).hasSize(2);
        assertThat(json(petrescue().requests().get(1)).path("description").asText()).isEqualTo("Now house-trained.");
        List<HttpPeer.Request> sl = savourlife().requests();
        assertThat(sl).hasSize(2);
        assertThat(json(sl.get(1)).path("DogId").asLong()).isEqualTo(5001);
        assertThat(json(sl.get(1)).path("Description").asText()).isEqualTo("Now house-trained.");
    }

    @Test
    void addedPictureIsPushedOnce() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        runCycle();

        db.picture(1, 1, 1, "https://img.example.org/new.jpg").insert();
        runCycle();
        runCycle();

        assertThat(petrescue().requests()).hasSize(2);
        assertThat(json(petrescue().requests().get(1)).path("photo_urls").get(0).asText())
                .startsWith("https://img.example.org/new.jpg?v=");
    }

    @Test
    void adoptedAnimalGetsEachPartnersAdoptedCallOnce() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        runCycle();

        db.exec("update animals set status = 'Adopted' where id = 1");
        runCycle();
        runCycle();

        assertThat(petrescue().requests()).hasSize(2);
        HttpPeer.Request patch = petrescue().requests().get(1);
        assertThat(patch.method() + " " + patch.path()).isEqualTo("PATCH /listings/1/PR1");
        assertThat(json(patch)).isEqualTo(json("{\"status\": \"rehomed\"}"));
        assertThat(patch.header("Authorization")).isEqualTo("Token token=pr-token-1");
        assertThat(savourlife().requests()).hasSize(2);
        HttpPeer.Request adopted = savourlife().requests().get(1);
        assertThat(adopted.path()).isEqualTo("/SetAnimalAdopted");
        assertThat(json(adopted)).isEqualTo(json("{\"Token\": \"sl-token-1\", \"Code\": 1, \"DogId\": 5001}"));
        assertThat(db.query("select state from animal_export_state where partner_code = 'petrescue'"))
                .containsExactly(Map.of("state", "withdrawn"));
    }

    @Test
    void holdIsSentAsOnHoldAndOtherStatusesAsRemovedOrDeleted() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        runCycle();

        db.exec("update animals set status = 'Hold' where id = 1");
        db.exec("update animals set status = 'Deceased' where id = 2");
        runCycle();

        assertThat(petrescue().requests().subList(2, 4)).extracting(r -> r.path() + " " + json(r).path("status").asText())
                .containsExactlyInAnyOrder("/listings/1/PR1 on_hold", "/listings/2/PR1 removed");
        assertThat(savourlife().requests().subList(2, 4)).extracting(HttpPeer.Request::path)
                .containsExactlyInAnyOrder("/DeleteAnimal", "/DeleteAnimal");
    }

    @Test
    void globalApiSwitchOffWithdrawsEveryListingOnce() {
        orgWithApiPartners(1);
        db.account(1, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        runCycle();

        db.exec("update organizations set api_exports_enabled = false");
        runCycle();
        runCycle();

        assertThat(petrescue().requests().subList(2, petrescue().requests().size()))
                .extracting(r -> r.method() + " " + r.path() + " " + json(r).path("status").asText())
                .containsExactlyInAnyOrder("PATCH /listings/1/PR1 removed", "PATCH /listings/2/PR1 removed");
        assertThat(savourlife().requests().subList(2, savourlife().requests().size()))
                .extracting(HttpPeer.Request::path).containsExactly("/DeleteAnimal", "/DeleteAnimal");
        assertThat(ids(petfinderRows())).containsExactly("1", "2");
    }

    @Test
    void partnerSwitchedOffIsWithdrawnThereOnly() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        runCycle();

        db.exec("update partner_accounts set enabled = false where partner_code = 'petrescue'");
        runCycle();
        runCycle();

        assertThat(petrescue().requests()).extracting(HttpPeer.Request::method).containsExactly("POST", "PATCH");
        assertThat(savourlife().requests()).hasSize(1);
    }

    @Test
    void perAnimalOptOutWithdrawsFromOnePartnerOrAll() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        runCycle();

        db.choice(1, "savourlife", false).insert();
        db.exec("update animals set export_enabled = false where id = 2");
        runCycle();
        runCycle();

        assertThat(savourlife().requests().subList(2, savourlife().requests().size()))
                .extracting(r -> r.path() + " " + json(r).path("Code").asText())
                .containsExactlyInAnyOrder("/DeleteAnimal 1", "/DeleteAnimal 2");
        assertThat(petrescue().requests().subList(2, petrescue().requests().size()))
                .extracting(HttpPeer.Request::path).containsExactly("/listings/2/PR1");
    }

    @Test
    void savourLifeListsDogsOnly() {
        orgWithApiPartners(1);
        db.animal(1, 1).set("species", "Cat").set("primary_breed", "Siamese").insert();

        runCycle();

        assertThat(petrescue().requests()).hasSize(1);
        assertThat(savourlife().requests()).isEmpty();
    }

    @Test
    void accountIsRequestedAndNothingIsPushedUntilItIsActive() {
        db.org(1).set("name", "Happy Tails").set("city", "Trenton").set("state", "NJ").set("postal_code", "08601")
                .set("api_exports_enabled", true).insert();
        db.account(1, "petrescue", null, null, "pr-token-1").set("status", "new").insert();
        db.animal(1, 1).insert();
        petrescue().enqueue(HttpPeer.Response.json(201, "{\"account_id\": \"PR-77\", \"status\": \"pending\"}"));

        runCycle();

        assertThat(petrescue().requests()).hasSize(1);
        HttpPeer.Request request = petrescue().requests().get(0);
        assertThat(request.method() + " " + request.path()).isEqualTo("POST /accounts");
        assertThat(json(request)).isEqualTo(json("{\"name\": \"Happy Tails\", \"email\": \"rescue1@example.org\","
                + " \"phone\": \"555-011\", \"city\": \"Trenton\", \"state\": \"NJ\", \"postal_code\": \"08601\","
                + " \"country\": \"US\"}"));
        assertThat(db.query("select account_id, status from partner_accounts"))
                .containsExactly(Map.of("account_id", "PR-77", "status", "requested"));

        petrescue().enqueue(HttpPeer.Response.json(200, "{\"account_id\": \"PR-77\", \"status\": \"pending\"}"));
        runCycle();
        assertThat(petrescue().requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /accounts", "GET /accounts/PR-77");

        runCycle(); // the default answer: active
        assertThat(petrescue().requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /accounts", "GET /accounts/PR-77", "GET /accounts/PR-77", "POST /listings");
        assertThat(json(petrescue().requests().get(3)).path("remote_source").asText()).isEqualTo("PR-77");
        assertThat(db.query("select status from partner_accounts")).containsExactly(Map.of("status", "active"));
    }

    @Test
    void rejectedAccountIsRecordedAndNotAskedAgain() {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "savourlife", null, null, null).set("status", "new").insert();
        db.animal(1, 1).insert();
        savourlife().enqueue(HttpPeer.Response.json(200, "{\"account_id\": \"SL-9\", \"status\": \"rejected\"}"));

        runCycle();
        runCycle();

        assertThat(savourlife().requests()).extracting(HttpPeer.Request::path).containsExactly("/accounts");
        assertThat(db.query("select account_id, status from partner_accounts"))
                .containsExactly(Map.of("account_id", "SL-9", "status", "rejected"));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        orgWithApiPartners(1);
        db.exec("update partner_accounts set enabled = false where partner_code = 'savourlife'");
        db.animal(1, 1).insert();
        petrescue().enqueue(new HttpPeer.Response(429, Map.of("Retry-After", "1"), "{\"error\": \"slow down\"}"));

        runCycle();

        List<HttpPeer.Request> requests = petrescue().requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(db.query("select state from animal_export_state")).containsExactly(Map.of("state", "listed"));
    }

    @Test
    void serverErrorIsRetriedUntilItSucceeds() {
        orgWithApiPartners(1);
        db.exec("update partner_accounts set enabled = false where partner_code = 'savourlife'");
        db.animal(1, 1).insert();
        petrescue().enqueue(HttpPeer.Response.json(500, "{\"error\": \"oops\"}"));

        Map<String, Object> summary = runCycle();

        assertThat(petrescue().requests()).hasSize(2);
        assertThat(json(petrescue().requests().get(0))).isEqualTo(json(petrescue().requests().get(1)));
        assertThat(db.query("select state || ' ' || coalesce(last_error, 'no error') as s from animal_export_state"))
                .containsExactly(Map.of("s", "listed no error"));
        assertThat(summary).doesNotContainKey("failed");
    }

    @Test
    void badRequestIsRecordedWithThePartnersMessageAndNotRetried() {
        orgWithApiPartners(1);
        db.exec("update partner_accounts set enabled = false where partner_code = 'savourlife'");
        db.animal(1, 1).insert();
        petrescue().enqueue(HttpPeer.Response.json(400, "{\"error\": \"breed_names: unknown breed\"}"));

        Map<String, Object> summary = runCycle();
        runCycle();

        assertThat(petrescue().requests()).hasSize(1);
        String error = (String) db.query("select last_error from animal_export_state").get(0).get("last_error");
        assertThat(error).contains("400").contains("breed_names: unknown breed").doesNotContain("pr-token-1");
        assertThat(summary).containsEntry("failed", 1L);

        db.exec("update animals set primary_breed = 'Boxer'");
        runCycle();
        assertThat(petrescue().requests()).hasSize(2);
        assertThat(db.query("select state from animal_export_state")).containsExactly(Map.of("state", "listed"));
    }

    @Test
    void deletedAnimalIsWithdrawn() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert();
        runCycle();

        db.exec("delete from animals where id = 1");
        runCycle();
        runCycle();

        assertThat(petrescue().requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /listings", "PATCH /listings/1/PR1");
        assertThat(savourlife().requests()).extracting(HttpPeer.Request::path).containsExactly("/SetAnimal", "/DeleteAnimal");
    }
}
