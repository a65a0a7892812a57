package org.animalexports.database;

import org.animalexports.support.Fixture;
import org.animalexports.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations' triggers move updated_at for every change that can alter what a partner receives. */
class ChangeDetectionTest {

    private static Database database;
    private static Fixture db;

    @BeforeAll
    static void migrate() {
        String url = TestDatabase.newDatabase();
        database = Database.open(url, "postgres", "postgres", 2, null);
        db = new Fixture(url);
    }

    @AfterAll
    static void close() throws Exception {
        database.stop();
    }

    @BeforeEach
    void oneAnimalLastChangedLongAgo() {
        db.clear();
        db.org(1).insert();
        db.foster(1, 1).set("name", "Jane").insert();
        db.animal(1, 1).set("foster_id", 1).insert();
        db.picture(1, 1, 1, "https://img.example.org/1.jpg").insert();
        age();
    }

    private static void age() {
        db.exec("update animals set updated_at = timestamptz '2000-01-01 00:00:00+00'");
        db.exec("update organizations set updated_at = timestamptz '2000-01-01 00:00:00+00'");
    }

    private static boolean animalTouched() {
        return touched("animals", 1);
    }

    private static boolean touched(String table, long id) {
        return (Boolean) db.query("select updated_at > timestamptz '2000-01-02 00:00:00+00' as touched from " + table
                + " where id = ?", id).get(0).get("touched");
    }

    @Test
    void animalEditMovesItsTimestamp() {
        db.exec("update animals set description = 'new text' where id = 1");
        assertThat(animalTouched()).isTrue();
    }

    @Test
    void unchangedUpdateDoesNotMoveItsTimestamp() {
        db.exec("update animals set description = description where id = 1");
        assertThat(animalTouched()).isFalse();
    }

    @Test
    void pictureAddedChangedOrRemovedTouchesTheAnimal() {
        db.picture(2, 1, 2, "https://img.example.org/2.jpg").insert();
        assertThat(animalTouched()).isTrue();
        age();
        db.exec("update animal_pictures set url = 'https://img.example.org/1b.jpg' where id = 1");
        assertThat(animalTouched()).isTrue();
        assertThat(touched("animal_pictures", 1)).isTrue();
        age();
        db.exec("delete from animal_pictures where id = 2");
        assertThat(animalTouched()).isTrue();
    }

    @Test
    void videoAndPartnerChoiceTouchTheAnimal() {
        db.video(1, 1, "https://vimeo.com/1").insert();
        assertThat(animalTouched()).isTrue();
        age();
        db.choice(1, "petfinder", false).insert();
        assertThat(animalTouched()).isTrue();
        age();
        db.exec("update animal_partner_accounts set selected = true");
        assertThat(animalTouched()).isTrue();
    }

    @Test
    void fosterChangeTouchesFosteredAnimals() {
        db.exec("update fosters set contact_public = true where id = 1");
        assertThat(animalTouched()).isTrue();
    }

    @Test
    void organisationSettingsMoveTheOrganisationTimestamp() {
        db.exec("update organizations set description_links_enabled = false where id = 1");
        assertThat(touched("organizations", 1)).isTrue();
    }
}
