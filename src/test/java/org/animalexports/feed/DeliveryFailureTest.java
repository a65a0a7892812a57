package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner that refuses one organisation's login: that run fails and is recorded, the others go out. */
class DeliveryFailureTest extends ExportTestSupport {

    @Test
    void refusedLoginFailsThatRunOnlyAndTheNextCycleDeliversOnceFixed() {
        db.org(1).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, "wrong-Secret-9").insert();
        db.org(2).insert();
        db.account(2, "petfinder", "TX12", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).insert();
        db.animal(2, 2).insert();

        Map<String, Object> summary = runCycle();

        assertThat(summary).containsEntry("failed", 1L).containsEntry("delivered", 1L);
        assertThat(ftp().files(PF_USER)).containsExactly("import/TX12.csv");
        Map<String, Object> failed = db.query("select org_id, outcome, message from export_runs where outcome = 'failed'").get(0);
        assertThat(failed.get("org_id")).isEqualTo(1L);
        assertThat((String) failed.get("message")).isNotBlank().doesNotContain("wrong-Secret-9");
        assertThat(db.query("select org_id from feed_uploads")).containsExactly(Map.of("org_id", 2L));

        db.exec("update partner_accounts set secret = ? where org_id = 1", PF_PASSWORD);
        Map<String, Object> next = runCycle();

        assertThat(next).containsEntry("delivered", 1L).containsEntry("unchanged", 1L);
        assertThat(ids(petfinderRows())).containsExactly("1");
    }

    @Test
    void accountIdThatIsNoFileNameFailsThatRunOnly() {
        db.org(1).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.account(1, "adoptapet", "AAP1", AAP_USER, AAP_PASSWORD).insert();
        db.animal(1, 1).insert();
        db.exec("update partner_accounts set account_id = '../escape' where partner_code = 'petfinder'");

        Map<String, Object> summary = runCycle();

        assertThat(summary).containsEntry("failed", 1L).containsEntry("delivered", 1L);
        assertThat((String) db.query("select message from export_runs where outcome = 'failed'").get(0).get("message"))
                .contains("account_id '../escape' is not a plain file name");
        assertThat(ids(adoptapetRows())).containsExactly("1");
    }
}
