package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Petfinder's FTP server receives: import/<account_id>.csv, byte for byte (SPEC 3.1). */
class PetfinderFeedTest extends ExportTestSupport {

    private static final String HEADER = "\"ID\",\"Internal\",\"AnimalName\",\"PrimaryBreed\",\"SecondaryBreed\",\"Sex\","
            + "\"Size\",\"Age\",\"Desc\",\"Type\",\"Status\",\"Shots\",\"Altered\",\"NoDogs\",\"NoCats\",\"NoKids\","
            + "\"Housetrained\",\"Declawed\",\"specialNeeds\",\"Mix\",\"photo1\",\"photo2\",\"photo3\",\"photo4\","
            + "\"photo5\",\"photo6\",\"arrival_date\",\"birth_date\",\"primaryColor\",\"secondaryColor\","
            + "\"tertiaryColor\",\"coat_length\",\"adoption_fee\",\"display_adoption_fee\",\"adoption_fee_waived\","
            + "\"special_needs_notes\",\"no_other\",\"no_other_note\",\"tags\"\r\n";

    @Test
    void feedHoldsQuotedHeaderAndValuesInPetfinderColumnOrder() {
        orgWithBothPartners(1);
        db.animal(101, 1).set("name", "Biscuit").set("primary_breed", "Beagle").set("sex", "Female")
                .set("birth_date", "2020-03-15").set("size", "Small").set("color", "Brown/White")
                .set("coat_length", "Short").set("description", "Friendly.").set("altered", true)
                .set("shots_current", true).set("housetrained", false).set("special_needs", false)
                .set("ok_with_dogs", true).set("ok_with_cats", false).set("adoption_fee", new java.math.BigDecimal("75.00"))
                .set("arrival_date", "2025-01-02").insert();
        db.exec("insert into animal_pictures (id, animal_id, position, url, updated_at) "
                + "values (1, 101, 1, 'https://img.example.org/101/a.jpg', timestamptz '2025-01-01 00:00:00+00')");

        runCycle();

        String version = Long.toString(1735689600000L, 36);
        assertThat(petfinderFeed()).isEqualTo(HEADER
                + "\"101\",\"\",\"Biscuit\",\"Beagle\",\"\",\"F\",\"S\",\"Adult\",\"Friendly.\",\"Dog\",\"A\",\"1\",\"1\","
                + "\"0\",\"1\",\"\",\"\",\"\",\"\",\"\",\"https://img.example.org/101/a.jpg?v=" + version + "\","
                + "\"\",\"\",\"\",\"\",\"\",\"2025-01-02\",\"2020-03-15\",\"Brown / Chocolate\",\"White\",\"\",\"Short\","
                + "\"75.00\",\"1\",\"\",\"\",\"\",\"\",\"\"\r\n");
    }

    @Test
    void ageGroupIsDerivedFromTheBirthDateWhenMissing() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("age_group", null).set("birth_date", java.time.LocalDate.now().minusYears(10).toString()).insert();
        db.animal(2, 1).set("age_group", null).set("birth_date", java.time.LocalDate.now().minusMonths(4).toString()).insert();
        db.animal(3, 1).set("age_group", "Young").set("birth_date", java.time.LocalDate.now().minusYears(10).toString()).insert();

        runCycle();

        assertThat(petfinderRows().stream().map(r -> r.get("Age")).toList()).containsExactly("Senior", "Baby", "Young");
    }

    @Test
    void feedIsWrittenUnderATemporaryNameThenRenamed() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();

        runCycle();

        List<String> petfinder = ftp().log().stream().filter(l -> l.startsWith(PF_USER + " ")).toList();
        assertThat(petfinder).containsExactly(PF_USER + " STOR import/NJ94.csv.uploading", PF_USER + " RNTO import/NJ94.csv");
        assertThat(ftp().files(PF_USER)).containsExactly("import/NJ94.csv");
    }

    @Test
    void eachStatusIsSentAsPetfinderExpectsAndUnlistedOnesAreLeftOut() {
        orgWithBothPartners(1);
        String[] statuses = {"Available", "Hold", "Pending", "Adopted", "Deceased", "Unavailable"};
        for (int i = 0; i < statuses.length; i++) {
            db.animal(i + 1, 1).set("status", statuses[i]).insert();
        }

        runCycle();

        List<CSVRecord> rows = petfinderRows();
        assertThat(ids(rows)).containsExactly("1", "2", "3");
        assertThat(rows.stream().map(r -> r.get("Status")).toList()).containsExactly("A", "H", "P");
    }

    @Test
    void adoptedAnimalIsRemovedFromPetfinderFeed() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        runCycle();
        assertThat(ids(petfinderRows())).containsExactly("1", "2");

        db.exec("update animals set status = 'Adopted' where id = 2");
        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(db.query("select state from animal_export_state where animal_id = 2 and partner_code = 'petfinder'"))
                .containsExactly(Map.of("state", "withdrawn"));
        assertThat(db.query("select removed from export_runs where partner_code = 'petfinder' order by id desc limit 1"))
                .containsExactly(Map.of("removed", 1));
    }

    @Test
    void emptyFeedIsStillUploadedSoTheLastAnimalIsRemoved() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        runCycle();
        db.exec("update animals set status = 'Adopted' where id = 1");

        runCycle();

        assertThat(petfinderFeed()).isEqualTo(HEADER);
        assertThat(adoptapetFeed()).isEmpty();
        assertThat(ftp().uploads(PF_USER)).isEqualTo(2);
    }

    @Test
    void organisationWithNoAnimalsGetsAnEmptyFeed() {
        orgWithBothPartners(1);

        runCycle();

        assertThat(petfinderFeed()).isEqualTo(HEADER);
    }

    @Test
    void fosterContactOpensTheDescriptionOnlyWhenPublic() {
        orgWithBothPartners(1);
        db.foster(1, 1).set("name", "Jane Porter").set("phone", "555-0111").set("email", "jane@example.com")
                .set("contact_public", true).insert();
        db.foster(2, 1).set("name", "Sam Lee").set("phone", "555-0112").set("email", "sam@example.com")
                .set("contact_public", false).insert();
        db.animal(1, 1).set("foster_id", 1).set("description", "Sweet dog.").insert();
        db.animal(2, 1).set("foster_id", 2).set("description", "Calm dog.").insert();

        runCycle();

        List<CSVRecord> rows = petfinderRows();
        assertThat(row(rows, 1).get("Desc")).isEqualTo("Contact my foster: Jane Porter, 555-0111, jane@example.com&#10;&#10;Sweet dog.");
        assertThat(row(rows, 2).get("Desc")).isEqualTo("Calm dog.");
    }

    @Test
    void petfinderNeverGetsLinksInDescriptions() {
        db.org(1).set("website_service", true).set("description_links_enabled", true)
                .set("homepage_url", "https://rescue.example.org")
                .set("animal_page_url_template", "https://rescue.example.org/animals/{id}").insert();
        db.account(1, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).set("description", "Sweet dog.").insert();

        runCycle();

        assertThat(row(petfinderRows(), 1).get("Desc")).isEqualTo("Sweet dog.");
    }

    @Test
    void htmlIsStrippedAndLineBreaksBecomeEntities() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("description", "<p>Loves <b>walks</b> &amp; \"naps\".</p>\r\n<p>Line one<br>Line two</p>"
                + "<script>alert('x')</script>").insert();

        runCycle();

        assertThat(row(petfinderRows(), 1).get("Desc"))
                .isEqualTo("Loves walks & \"naps\".&#10;&#10;Line one&#10;Line two");
        assertThat(petfinderFeed()).contains("\"Loves walks & \"\"naps\"\".&#10;&#10;Line one&#10;Line two\"");
    }

    @Test
    void unknownSpeciesAndBreedsFallBackAsConfigured() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("species", "Dragon").set("primary_breed", "Fire Drake").insert();
        db.animal(2, 1).set("primary_breed", "Space Wolf").insert();
        db.animal(3, 1).set("primary_breed", "Beagle").set("secondary_breed", "Moon Hound").insert();
        db.animal(4, 1).set("primary_breed", "Lab").set("secondary_breed", "Boxer").insert();
        db.animal(5, 1).set("species", "Goat").set("primary_breed", null).insert();

        runCycle();

        List<CSVRecord> rows = petfinderRows();
        assertThat(row(rows, 1).get("Type")).isEqualTo("Scales, Fins & Other");
        assertThat(row(rows, 1).get("PrimaryBreed")).isEqualTo("Fire Drake");
        assertThat(row(rows, 2).get("PrimaryBreed")).isEqualTo("Mixed Breed");
        assertThat(List.of(row(rows, 3).get("PrimaryBreed"), row(rows, 3).get("SecondaryBreed"), row(rows, 3).get("Mix")))
                .containsExactly("Beagle", "", "1");
        assertThat(List.of(row(rows, 4).get("PrimaryBreed"), row(rows, 4).get("SecondaryBreed"), row(rows, 4).get("Mix")))
                .containsExactly("Labrador Retriever", "Boxer", "1");
        assertThat(List.of(row(rows, 5).get("Type"), row(rows, 5).get("PrimaryBreed"))).containsExactly("Barnyard", "Goat");
    }

    @Test
    void picturesFollowTheirPositionAndTheirCacheKeyChangesWithThePicture() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        for (int position = 7; position >= 1; position--) {
            db.picture(position, 1, position, "https://img.example.org/1/" + position + ".jpg").insert();
        }
        runCycle();
        CSVRecord before = row(petfinderRows(), 1);
        assertThat(List.of(before.get("photo1"), before.get("photo6")))
                .allSatisfy(url -> assertThat(url).matches("https://img\\.example\\.org/1/[16]\\.jpg\\?v=[0-9a-z]+"));
        assertThat(before.get("photo1")).startsWith("https://img.example.org/1/1.jpg?v=");
        assertThat(before.get("photo6")).startsWith("https://img.example.org/1/6.jpg?v=");
        assertThat(petfinderFeed()).doesNotContain("/1/7.jpg");

        db.exec("update animal_pictures set updated_at = updated_at + interval '1 minute' where id = 1");
        runCycle();

        CSVRecord after = row(petfinderRows(), 1);
        assertThat(after.get("photo1")).startsWith("https://img.example.org/1/1.jpg?v=").isNotEqualTo(before.get("photo1"));
        assertThat(after.get("photo2")).isEqualTo(before.get("photo2"));
        assertThat(ftp().uploads(PF_USER)).isEqualTo(2);
    }

    @Test
    void unchangedFeedIsNotUploadedAgain() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        runCycle();
        Map<String, Object> second = runCycle();

        assertThat(ftp().uploads(PF_USER)).isEqualTo(1);
        assertThat(ftp().uploads(AAP_USER)).isEqualTo(2); // import.cfg and pets.csv, once
        assertThat(second).containsEntry("unchanged", 2L);
    }

    @Test
    void changedFeedIsUploadedOnceMore() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        runCycle();
        db.exec("update animals set description = 'Now house-trained.' where id = 1");
        runCycle();
        runCycle();

        assertThat(ftp().uploads(PF_USER)).isEqualTo(2);
        assertThat(row(petfinderRows(), 1).get("Desc")).isEqualTo("Now house-trained.");
    }

    @Test
    void unchangedFeedIsUploadedAgainWhenOlderThanTheMaximumAge() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        runCycle();
        db.exec("update feed_uploads set uploaded_at = now() - interval '25 hours' where partner_code = 'petfinder'");

        runCycle();

        assertThat(ftp().uploads(PF_USER)).isEqualTo(2);
        assertThat(ftp().uploads(AAP_USER)).isEqualTo(2);
    }

    @Test
    void animalThatCannotBeMappedIsLeftOutAndReportedWhileTheRestGoesOut() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).set("sex", "Unknown").insert();
        db.animal(3, 1).set("age_group", null).set("birth_date", null).insert();
        db.animal(4, 1).insert();

        Map<String, Object> summary = runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1", "4");
        assertThat(db.query("select animal_id, state, last_error from animal_export_state "
                + "where partner_code = 'petfinder' and state = 'rejected' order by animal_id"))
                .extracting(r -> r.get("animal_id") + " " + r.get("last_error"))
                .satisfiesExactly(
                        e -> assertThat(e).startsWith("2 sex: 'Unknown' cannot be sent to petfinder"),
                        e -> assertThat(e).startsWith("3 age: no value cannot be sent to petfinder"));
        assertThat(summary).containsEntry("delivered", 2L).containsEntry("rejected", 4L);
    }
}
