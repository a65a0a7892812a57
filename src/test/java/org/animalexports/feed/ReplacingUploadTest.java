package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed over plain FTP goes up under a temporary name and is renamed over the previous one, without the directory
 * listings Camel takes otherwise: one data connection a file. The test server (Apache FtpServer) refuses to rename
 * onto an existing file, as some partner servers do, so the previous feed is deleted just before the rename.
 */
class ReplacingUploadTest extends ExportTestSupport {

    @Test
    void feedFileTakesOneDataConnectionAndNoListing() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();

        runCycle();

        assertThat(ftp().commands(PF_USER, "PASV")).isEqualTo(1);
        assertThat(ftp().commands(PF_USER, "STOR")).isEqualTo(1);
        assertThat(ftp().commands(PF_USER, "NLST")).isZero();
        assertThat(ftp().commands(PF_USER, "DELE")).isZero(); // nothing to replace yet
        assertThat(ftp().files(PF_USER)).containsExactly("import/NJ94.csv");
        // Adopt-a-Pet's two files over one login, one data connection each.
        assertThat(ftp().commands(AAP_USER, "PASV")).isEqualTo(2);
        assertThat(ftp().commands(AAP_USER, "NLST")).isZero();
    }

    @Test
    void changedFeedReplacesThePreviousOneOnAServerThatWillNotRenameOverIt() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        runCycle();
        db.exec("update animals set name = 'Renamed Rex' where id = 1");

        runCycle();

        assertThat(ftp().files(PF_USER)).containsExactly("import/NJ94.csv");
        assertThat(petfinderFeed()).contains("\"Renamed Rex\"").doesNotContain("\"Animal 1\"");
        assertThat(ftp().commands(PF_USER, "DELE")).isEqualTo(1);
        assertThat(ftp().commands(PF_USER, "NLST")).isZero();
        assertThat(ftp().files(AAP_USER)).containsExactlyInAnyOrder("pets.csv", "import.cfg");
        assertThat(adoptapetFeed()).contains("Renamed Rex");
    }

    @Test
    void renameRefusedWhileNoFileIsThereDeletesNothingAndIsRetried() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        // The first rename (Adopt-a-Pet's import.cfg, the first file of the cycle) is refused as a server refuses a
        // name it will not take: there is no file to replace, so the client deletes nothing and the upload fails,
        // to be tried again.
        ftp().failNext("RNTO", 553, 1);

        runCycle();

        assertThat(ftp().commands(AAP_USER, "MDTM")).isEqualTo(1);
        assertThat(ftp().commands(AAP_USER, "DELE")).isZero();
        assertThat(ftp().log()).containsSubsequence(AAP_USER + " FAULT RNTO 553", AAP_USER + " STOR import.cfg.uploading",
                AAP_USER + " RNTO import.cfg");
        assertThat(ftp().files(AAP_USER)).containsExactlyInAnyOrder("pets.csv", "import.cfg");
        assertThat(ftp().files(PF_USER)).containsExactly("import/NJ94.csv");
    }
}
