package org.animalexports.reliability;

import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.SftpPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner account can use sftp instead of its partner's ftp: the feed goes to a real SFTP server. */
class SftpTransportTest extends ExportTestSupport {

    private static final SftpPeer SFTP = new SftpPeer();

    @AfterAll
    static void stopSftp() {
        SFTP.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("partners.petfinder.sftp-port", Integer.toString(SFTP.port()));
        p.put("exports.sftp.strict-host-key-checking", "false");
        return p;
    }

    @Test
    void accountOnSftpReceivesItsFeedOverSftp() {
        SFTP.addUser("tx12", "sftp-Secret-3");
        db.org(1).insert();
        db.account(1, "petfinder", "TX12", "tx12", "sftp-Secret-3").set("protocol", "sftp").insert();
        db.org(2).insert();
        db.account(2, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).insert();
        db.animal(2, 2).insert();

        runCycle();

        assertThat(ids(parse(SFTP.text("tx12", "import/TX12.csv"), true))).containsExactly("1");
        assertThat(ids(petfinderRows())).containsExactly("2");
    }
}
