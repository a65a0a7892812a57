package org.animalexports;

import org.animalexports.support.Fixture;
import org.animalexports.support.FtpPeer;
import org.animalexports.support.TestDatabase;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --once}: one complete cycle, exit 0 when everything was delivered, non-zero when a run failed (SPEC 6). */
class OnceCommandTest {

    private static FtpPeer ftp;
    private static String url;

    @BeforeAll
    static void peers() {
        ftp = new FtpPeer();
        ftp.addUser("nj94", "pw-1");
        url = TestDatabase.newDatabase();
    }

    @AfterAll
    static void stop() {
        ftp.close();
    }

    private Main main() {
        Main main = new Main();
        main.configure().addConfiguration(new ExportsConfiguration());
        main.configure().withRoutesIncludePattern("file:routes/*.camel.yaml");
        main.addOverrideProperty("exports.db.url", url);
        main.addOverrideProperty("exports.db.user", "postgres");
        main.addOverrideProperty("exports.db.password", "postgres");
        main.addOverrideProperty("exports.preview", "false");
        main.addOverrideProperty("camel.management.enabled", "false");
        main.addOverrideProperty("exports.scheduler-enabled", "false");
        main.addOverrideProperty("exports.retry.maximum-redeliveries", "0");
        main.addOverrideProperty("partners.petfinder.host", "127.0.0.1");
        main.addOverrideProperty("partners.petfinder.port", Integer.toString(ftp.port()));
        return main;
    }

    @Test
    void onceExitsZeroWhenDeliveredAndNonZeroWhenARunFailed() throws Exception {
        Fixture db = new Fixture(url);
        // The first start creates the schema.
        assertThat(ExportsApplication.runOnce(main())).isZero();
        db.org(1).insert();
        db.account(1, "petfinder", "NJ94", "nj94", "pw-1").insert();
        db.animal(1, 1).insert();

        assertThat(ExportsApplication.runOnce(main())).isZero();
        assertThat(ftp.text("nj94", "import/NJ94.csv")).contains("\"1\",\"\",\"Animal 1\"");

        db.exec("update partner_accounts set secret = 'not-the-password'");
        db.exec("update animals set name = 'Renamed'");
        assertThat(ExportsApplication.runOnce(main())).isEqualTo(1);
    }
}
