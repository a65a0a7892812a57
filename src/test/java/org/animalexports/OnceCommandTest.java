package org.animalexports;

import org.animalexports.support.Fixture;
import org.animalexports.support.FtpPeer;
import org.animalexports.support.TestDatabase;
import org.animalexports.support.TestServices;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
        return TestServices.main(url, Map.of("exports.retry.maximum-redeliveries", "0",
                "partners.petfinder.host", "127.0.0.1", "partners.petfinder.port", Integer.toString(ftp.port())));
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
