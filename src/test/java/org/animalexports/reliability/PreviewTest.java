package org.animalexports.reliability;

import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Preview mode writes what each partner would receive to the preview folder, sends nothing, and holds no secret. */
class PreviewTest extends ExportTestSupport {

    private static final Path PREVIEW = temp();

    private static Path temp() {
        try {
            return Files.createTempDirectory("preview");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("exports.preview", "true");
        p.put("exports.preview-dir", PREVIEW.toString());
        return p;
    }

    @Test
    void previewHoldsEveryPartnersFilesWithoutSecretsAndNothingIsSent() throws IOException {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, "Pf-Preview-S3cret").insert();
        db.account(1, "adoptapet", "AAP1", AAP_USER, "Aap-Preview-S3cret").insert();
        db.account(1, "petrescue", "PR1", null, "Pr-Preview-T0ken").insert();
        db.account(1, "savourlife", "SL1", null, "Sl-Preview-T0ken").insert();
        db.animal(1, 1).insert();

        runCycle();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(PREVIEW)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files.stream().map(f -> PREVIEW.relativize(f).toString().replace('\\', '/')).toList()).containsExactly(
                "adoptapet/org-1/import.cfg", "adoptapet/org-1/pets.csv", "petfinder/org-1/import/NJ94.csv",
                "petrescue/org-1/upsert-animal-1.json", "savourlife/org-1/upsert-animal-1.json");
        for (Path file : files) {
            assertThat(Files.readString(file)).doesNotContain("Preview-S3cret").doesNotContain("Preview-T0ken");
        }
        assertThat(ftp().log()).isEmpty();
        assertThat(petrescue().requests()).isEmpty();
        assertThat(savourlife().requests()).isEmpty();
    }
}
