package org.animalexports.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 generated animals with random and adversarial values: every feed still parses back with a real CSV parser
 * to one row per listed animal and the partner's number of columns, every JSON payload parses, nothing crashes,
 * and every animal is accounted for: listed, reported, or not listable.
 */
class HostileInputTest extends ExportTestSupport {

    private static final int ANIMALS = 1000;
    private static final String[] NASTY = {
        "\"", "\"\"", ",", ", ", "\n", "\r", "\r\n", "\t", "\u0001", "\u0007", "\u001b[31m", "\u001f", "\u007f",
        "🐶", "🐈‍⬛", "\u202e", "\u200b", "\uFEFF", "Ã©", "Ã¼", "\uFFFD", "<script>alert('x')</script>",
        "<b>bold</b>", "&amp;", "&#10;", "&#0;", "'; drop table animals; --", "\" OR 1=1 --", "${jndi:ldap://x}",
        "{{exports.db.password}}", "#{id}", "=HYPERLINK(\"http://x\")", "null", "NULL", "\\", "\\n", "=", "#1:Id=Id",
        "ä ö ü ß é ñ", "日本語", "مرحبا", " ", ""
    };
    private static final String[] SPECIES = {"Dog", "Cat", "Rabbit", "Bird", "Goat", "Guinea Pig", "Dragon 🐉", "Dog\nCat",
        "", "\"Dog\"", "Horse"};
    private static final String[] STATUSES = {"Available", "Available", "Available", "Hold", "Pending", "Adopted",
        "Deceased", "Unavailable", "available", "Gone\r\n"};
    private static final String[] SEXES = {"Male", "Female", "Male", "Female", "Unknown", "m", ""};
    private static final String[] DATES = {"1800-01-01", "2999-12-31", "1970-01-01", "2024-02-29", null};

    private static String nasty(Random random, int parts) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            s.append(random.nextBoolean() ? NASTY[random.nextInt(NASTY.length)] : "word" + random.nextInt(100));
        }
        return s.toString();
    }

    @Test
    void everyFeedAndPayloadParsesAndEveryAnimalIsAccountedFor() throws Exception {
        orgWithBothPartners(1);
        db.exec("update organizations set api_exports_enabled = true, website_service = true, "
                + "homepage_url = 'https://x.example/\"q\"', animal_page_url_template = 'https://x.example/a/{id}?s=,'");
        db.account(1, "petrescue", "PR1", null, "pr-Secret-7").insert();
        Random random = new Random(20261127);
        try (Connection c = DriverManager.getConnection(db.url(), "postgres", "postgres");
             PreparedStatement animal = c.prepareStatement("insert into animals (id, org_id, name, species, primary_breed, "
                     + "secondary_breed, mixed, sex, birth_date, age_group, size, color, coat_length, description, status, "
                     + "altered, ok_with_dogs, adoption_fee, arrival_date, special_needs_notes) "
                     + "values (?, 1, ?, ?, ?, ?, ?, ?, cast(? as date), ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as date), ?)");
             PreparedStatement picture = c.prepareStatement(
                     "insert into animal_pictures (id, animal_id, position, url) values (?, ?, ?, ?)")) {
            for (int id = 1; id <= ANIMALS; id++) {
                // Half the animals are listable, with adversarial text in every free-text field; the other half
                // are hostile everywhere.
                boolean listable = id % 2 == 0;
                animal.setLong(1, id);
                animal.setString(2, !listable && random.nextInt(10) == 0 ? " " : "n" + nasty(random, 1 + random.nextInt(3)));
                animal.setString(3, SPECIES[random.nextInt(SPECIES.length)]);
                animal.setString(4, random.nextBoolean() ? "Labrador Retriever" : nasty(random, 2));
                animal.setString(5, random.nextBoolean() ? null : nasty(random, 2));
                animal.setBoolean(6, random.nextBoolean());
                animal.setString(7, listable ? SEXES[random.nextInt(2)] : SEXES[random.nextInt(SEXES.length)]);
                animal.setString(8, DATES[random.nextInt(DATES.length)]);
                animal.setString(9, listable ? "Adult" : random.nextBoolean() ? null
                        : new String[] {"Baby", "Adult", "Ancient", ""}[random.nextInt(4)]);
                animal.setString(10, new String[] {"Small", "X-Large", "Huge", null}[random.nextInt(4)]);
                animal.setString(11, nasty(random, 2));
                animal.setString(12, new String[] {"Short", "Long", "Bald", null}[random.nextInt(4)]);
                animal.setString(13, random.nextInt(25) == 0 ? nasty(random, 8).repeat(1 + 100_000 / 80) : nasty(random, 12));
                animal.setString(14, listable ? "Available" : STATUSES[random.nextInt(STATUSES.length)]);
                animal.setObject(15, random.nextInt(3) == 0 ? null : random.nextBoolean());
                animal.setObject(16, random.nextInt(3) == 0 ? null : random.nextBoolean());
                animal.setBigDecimal(17, listable ? new BigDecimal("99999999.99") : new BigDecimal[] {null, BigDecimal.ZERO,
                        new BigDecimal("-25.00"), new BigDecimal("99999999.99"), new BigDecimal("75.50")}[random.nextInt(5)]);
                animal.setString(18, DATES[random.nextInt(DATES.length)]);
                animal.setString(19, random.nextBoolean() ? null : nasty(random, 3));
                animal.addBatch();
                for (int p = 1; p <= random.nextInt(4); p++) {
                    picture.setLong(1, id * 10L + p);
                    picture.setLong(2, id);
                    picture.setInt(3, p);
                    picture.setString(4, listable ? "https://img.example.org/" + id + "/" + p + ".jpg?x=,&y=" + p
                            : new String[] {"https://img.example.org/" + id + "/" + p + ".jpg",
                        "https://img.example.org/a b.jpg", "http://img.example.org/?q=\"x\"", "data:image/png;base64,AAAA",
                        "https://img.example.org/" + nasty(random, 1)}[random.nextInt(5)]);
                    picture.addBatch();
                }
            }
            animal.executeBatch();
            picture.executeBatch();
        }

        Map<String, Object> summary = runCycle();

        assertThat(summary).doesNotContainKey("failed").doesNotContainKey("held");
        List<CSVRecord> petfinder = petfinderRows();
        assertThat(petfinder).allSatisfy(r -> assertThat(r.size()).isEqualTo(39));
        assertThat(petfinder).hasSize(count("petfinder", "listed"));
        List<CSVRecord> adoptapet = adoptapetRows();
        assertThat(adoptapet).allSatisfy(r -> assertThat(r.size()).isEqualTo(26));
        assertThat(adoptapet).hasSize(count("adoptapet", "listed"));
        assertThat(petfinderFeed()).doesNotContain("\u0000");
        assertThat(petfinder).allSatisfy(r -> assertThat(r.get("Desc").length()).isLessThanOrEqualTo(10_000));

        List<HttpPeer.Request> pushes = petrescue().requests();
        ObjectMapper json = new ObjectMapper();
        for (HttpPeer.Request push : pushes) {
            assertThat(json.readTree(push.body()).path("remote_id").isNumber()).isTrue();
        }
        assertThat(pushes).hasSize(count("petrescue", "listed"));

        for (String partner : List.of("petfinder", "adoptapet", "petrescue")) {
            int listed = count(partner, "listed");
            int rejected = count(partner, "rejected");
            long notListable = (Long) db.query("select count(*) as n from animals a where not exists "
                    + "(select 1 from animal_export_state s where s.animal_id = a.id and s.partner_code = ?)", partner)
                    .get(0).get("n");
            assertThat(listed + rejected + notListable).as(partner).isEqualTo(ANIMALS);
            assertThat(listed).as(partner + " listed").isGreaterThan(20);
            assertThat(db.query("select count(*) as n from dead_letters where kind = 'animal' and partner_code = ?", partner)
                    .get(0).get("n")).as(partner + " reported").isEqualTo((long) rejected);
        }
        System.out.printf("hostile input: %d animals; petfinder %d listed, %d reported; adoptapet %d listed, %d reported;"
                        + " petrescue %d pushed, %d reported%n", ANIMALS, count("petfinder", "listed"),
                count("petfinder", "rejected"), count("adoptapet", "listed"), count("adoptapet", "rejected"),
                count("petrescue", "listed"), count("petrescue", "rejected"));
    }

    private int count(String partner, String state) {
        return ((Long) db.query("select count(*) as n from animal_export_state where partner_code = ? and state = ?",
                partner, state).get(0).get("n")).intValue();
    }
}
