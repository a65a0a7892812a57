package org.animalexports.reliability;

import org.animalexports.operations.OperatorCommands;
import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** FTP failures by class, the dead-letter store and its replay, the mass-removal guard, interrupted uploads. */
class FtpReliabilityTest extends ExportTestSupport {

    private String command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new OperatorCommands(context, new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    private void petfinderOnly(long orgId, String secret) {
        db.org(orgId).insert();
        db.account(orgId, "petfinder", "NJ94", PF_USER, secret).insert();
    }

    /** Organisation 1 at Petfinder only, with animals 1 to {@code animals}. */
    private void petfinderOnlyWithAnimals(int animals) {
        petfinderOnly(1, PF_PASSWORD);
        for (int i = 1; i <= animals; i++) {
            db.animal(i, 1).insert();
        }
    }

    @Test
    void refusedLoginIsNotRetriedAndWaitsForNewCredentials() throws Exception {
        petfinderOnly(1, "wrong-Secret-9");
        db.animal(1, 1).insert();

        Map<String, Object> first = runCycle();

        assertThat(ftp().logins()).isEqualTo(1);
        assertThat(first).containsEntry("failed", 1L);
        assertThat(db.query("select attention from partner_accounts").get(0).get("attention"))
                .asString().contains("530");
        List<Map<String, Object>> letters = db.query("select kind, status, reason, payload from dead_letters");
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0)).containsEntry("kind", "feed").containsEntry("status", "open");
        assertThat((String) letters.get(0).get("reason")).contains("530").doesNotContain("wrong-Secret-9");
        assertThat((String) letters.get(0).get("payload")).contains("== import/NJ94.csv ==").contains("\"Animal 1\"");

        Map<String, Object> second = runCycle();
        assertThat(ftp().logins()).isEqualTo(1); // not tried again every cycle
        assertThat(second).containsEntry("attention", 1L);

        db.exec("update partner_accounts set secret = ?", PF_PASSWORD);
        runCycle();
        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(db.query("select status, resolution from dead_letters"))
                .containsExactly(Map.of("status", "resolved", "resolution", "listed in the feed"));
    }

    @Test
    void transientFtpReplyIsRetriedWithinTheCycle() {
        petfinderOnly(1, PF_PASSWORD);
        db.animal(1, 1).insert();
        ftp().failNext("STOR", 450, 1);

        Map<String, Object> summary = runCycle();

        assertThat(summary).containsEntry("delivered", 1L).doesNotContainKey("failed");
        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(db.query("select id from dead_letters")).isEmpty();
    }

    @Test
    void uploadDroppedMidTransferLeavesNoFinalFileAndIsRedoneNextCycle() {
        petfinderOnlyWithAnimals(30);
        ftp().failNext("STOR", 0, 2); // the first attempt and its retry both lose the connection mid-transfer

        Map<String, Object> first = runCycle();

        assertThat(first).containsEntry("failed", 1L);
        assertThat(ftp().file(PF_USER, "import/NJ94.csv")).isEmpty();
        assertThat(ftp().file(PF_USER, "import/NJ94.csv.uploading")).hasValueSatisfying(partial ->
                assertThat(partial.length).isEqualTo(16));
        assertThat(db.query("select count(*) as n from feed_uploads")).containsExactly(Map.of("n", 0L));
        assertThat(db.query("select count(*) as n from animal_export_state where state = 'listed'"))
                .containsExactly(Map.of("n", 0L));

        Map<String, Object> second = runCycle();

        assertThat(second).containsEntry("delivered", 1L);
        assertThat(petfinderRows()).hasSize(30);
        assertThat(db.query("select status from dead_letters")).containsExactly(Map.of("status", "resolved"));
    }

    @Test
    void failedUploadLeavesThePartnersPreviousFeedInPlace() {
        petfinderOnlyWithAnimals(30);
        runCycle();
        byte[] previous = ftp().file(PF_USER, "import/NJ94.csv").orElseThrow();
        db.animal(31, 1).insert();
        ftp().failNext("STOR", 0, 2); // the new feed's upload and its retry both lose the connection mid-transfer

        Map<String, Object> failed = runCycle();

        assertThat(failed).containsEntry("failed", 1L);
        assertThat(ftp().file(PF_USER, "import/NJ94.csv")).hasValue(previous);
        assertThat(petfinderRows()).hasSize(30);
    }

    @Test
    void feedThatWouldRemoveMostListingsIsHeldUntilReleased() throws Exception {
        petfinderOnlyWithAnimals(20);
        runCycle();
        db.exec("delete from animals where id > 5"); // a broken import wipes most of the organisation's animals

        Map<String, Object> held = runCycle();
        runCycle();

        assertThat(held).containsEntry("held", 1L);
        assertThat(petfinderRows()).hasSize(20);
        assertThat(ftp().uploads(PF_USER)).isEqualTo(1);
        assertThat(db.query("select status, listed_before, would_remove, would_list from held_feeds"))
                .containsExactly(Map.of("status", "held", "listed_before", 20, "would_remove", 15, "would_list", 5));
        assertThat(command("held-feeds", "list")).startsWith("0\n").contains("petfinder").contains("15");

        String release = command("held-feeds", "release", "1", "petfinder");

        assertThat(release).startsWith("0\n").contains("export delivered");
        assertThat(petfinderRows()).hasSize(5);
        assertThat(db.query("select status from held_feeds")).containsExactly(Map.of("status", "released"));
    }

    @Test
    void heldFeedIsDroppedWhenTheDataRecovers() {
        petfinderOnlyWithAnimals(20);
        runCycle();
        db.exec("update animals set export_enabled = false where id > 2");
        runCycle();
        db.exec("update animals set export_enabled = true");

        Map<String, Object> recovered = runCycle();

        assertThat(recovered).containsEntry("unchanged", 1L).doesNotContainKey("held");
        assertThat(db.query("select status from held_feeds")).containsExactly(Map.of("status", "recovered"));
        assertThat(ftp().uploads(PF_USER)).isEqualTo(1);
    }

    @Test
    void smallOrHalfRemovalsAreNotHeld() {
        petfinderOnlyWithAnimals(12);
        runCycle();
        db.exec("update animals set status = 'Adopted' where id > 6"); // 6 of 12: not more than half
        assertThat(runCycle()).containsEntry("delivered", 1L);
        db.exec("update animals set status = 'Adopted'"); // the last 6: all, but fewer than 10
        assertThat(runCycle()).containsEntry("delivered", 1L);
        assertThat(petfinderRows()).isEmpty();
    }

    @Test
    void deadLettersAreListedAndReplayed() throws Exception {
        petfinderOnly(1, "wrong-Secret-9");
        db.animal(1, 1).insert();
        runCycle();

        String list = command("dead-letters", "list");
        assertThat(list).startsWith("0\n").contains("feed").contains("petfinder").contains("530")
                .contains("1 open dead letters").doesNotContain("wrong-Secret-9");

        db.exec("update partner_accounts set secret = ?", PF_PASSWORD);
        long id = (Long) db.query("select id from dead_letters").get(0).get("id");
        String replay = command("dead-letters", "replay", Long.toString(id));

        assertThat(replay).startsWith("0\n").contains("dead letter " + id + ": resolved");
        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(command("dead-letters", "list")).contains("0 open dead letters");
    }

    @Test
    void animalsThatCannotBeMappedAreReportedByFieldAndTheRestGoOut() {
        petfinderOnly(1, PF_PASSWORD);
        db.animal(1, 1).insert();
        db.animal(2, 1).set("name", "   ").insert();
        db.animal(3, 1).set("sex", "Unknown").insert();
        db.animal(4, 1).set("adoption_fee", new java.math.BigDecimal("-5")).insert();
        db.animal(5, 1).insert();
        db.picture(1, 5, 1, "javascript:alert(1)").insert();
        db.animal(6, 1).insert();

        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1", "6");
        assertThat(db.query("select animal_id, reason from dead_letters where kind = 'animal' order by animal_id"))
                .extracting(r -> r.get("animal_id") + " " + r.get("reason"))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("2 name: is empty"),
                        r -> assertThat(r).startsWith("3 sex: 'Unknown'"),
                        r -> assertThat(r).startsWith("4 adoption_fee: is negative"),
                        r -> assertThat(r).startsWith("5 picture 1: 'javascript:alert(1)' is not an http(s) URL"));
    }
}
