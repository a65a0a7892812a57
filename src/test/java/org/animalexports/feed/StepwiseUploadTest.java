package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner whose file server takes only plain file names in uploads ({@code endpoint.stepwise: true}): the upload
 * changes into the feed's directory and stores the file by its name alone (the rename names the path, as Camel does).
 * By default (PetfinderFeedTest) the upload command carries the path.
 */
class StepwiseUploadTest extends ExportTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("partners.petfinder.stepwise", "true");
        return p;
    }

    @Test
    void uploadChangesIntoTheDirectoryAndStoresTheFileByItsNameAlone() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();

        runCycle();

        List<String> petfinder = ftp().log().stream().filter(l -> l.startsWith(PF_USER + " ")).toList();
        assertThat(petfinder).containsExactly(PF_USER + " STOR NJ94.csv.uploading", PF_USER + " RNTO import/NJ94.csv");
        assertThat(ftp().files(PF_USER)).containsExactly("import/NJ94.csv");
        assertThat(petfinderFeed()).contains("\"Animal 1\"");
    }
}
