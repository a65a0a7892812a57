package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Adopt-a-Pet's FTP server receives: pets.csv without header and import.cfg in the root (SPEC 3.2). */
class AdoptapetFeedTest extends ExportTestSupport {

    private static final int ANIMAL = 1;
    private static final int BREED = 2;
    private static final int SIZE = 7;
    private static final int DESCRIPTION = 10;
    private static final int PHOTO = 21;
    private static final int VIDEO = 25;

    @Test
    void petsCsvHasNoHeaderAndOurValuesThatImportCfgTranslates() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();

        runCycle();

        assertThat(adoptapetFeed()).isEqualTo("\"1\",\"Dog\",\"Labrador Retriever\",\"\",\"true\",\"Adult\",\"Animal 1\","
                + "\"Medium\",\"Male\",\"\",\"A good animal.\",\"Available\",\"\",\"\",\"\",\"N\",\"N\",\"N\",\"N\",\"N\","
                + "\"\",\"\",\"\",\"\",\"\",\"\"\r\n");
        List<String> cfg = ftp().text(AAP_USER, "import.cfg").lines().toList();
        List<String> declarations = cfg.stream().filter(l -> l.startsWith("#")).toList();
        assertThat(declarations).containsExactly("#1:Id=Id", "#2:Animal=Animal", "#3:Breed=Breed", "#4:Breed2=Breed2",
                "#5:Purebred=Purebred", "#6:Age=Age", "#7:Name=Name", "#8:Size=Size", "#9:Sex=Sex", "#10:Color=Color",
                "#11:Description=Description", "#12:Status=Status", "#13:GoodWKids=GoodWKids",
                "#14:GoodWCats=GoodWCats", "#15:GoodWDogs=GoodWDogs", "#16:SpayedNeutered=SpayedNeutered",
                "#17:ShotsCurrent=ShotsCurrent", "#18:Housetrained=Housetrained", "#19:Declawed=Declawed",
                "#20:SpecialNeeds=SpecialNeeds", "#21:HairLength=HairLength", "#22:PhotoURL=PhotoURL",
                "#23:PhotoURL2=PhotoURL2", "#24:PhotoURL3=PhotoURL3", "#25:PhotoURL4=PhotoURL4",
                "#26:YouTubeVideoURL=YouTubeVideoURL");
        String text = String.join("\n", cfg);
        assertThat(text).contains("#5:Purebred=Purebred\ntrue=Y\nfalse=N\n#6:Age=Age");
        assertThat(text).contains("#8:Size=Size\nSmall=S\nMedium=M\nLarge=L\nX-Large=XL\n#9:Sex=Sex\nMale=M\nFemale=F\n");
        assertThat(text).contains("Guinea Pig=Small Animal").contains("Domestic Short Hair=Domestic Shorthair");
        assertThat(ftp().log()).containsSubsequence(AAP_USER + " STOR import.cfg.uploading", AAP_USER + " RNTO import.cfg",
                AAP_USER + " STOR pets.csv.uploading", AAP_USER + " RNTO pets.csv");
    }

    @Test
    void bothFilesGoOverOneLoginThatIsClosedAfterTheLastFile() throws InterruptedException {
        db.org(1).insert();
        db.account(1, "adoptapet", "AAP1", AAP_USER, AAP_PASSWORD).insert();
        db.animal(1, 1).insert();

        runCycle();

        assertThat(ftp().files(AAP_USER)).containsExactly("import.cfg", "pets.csv");
        assertThat(ftp().logins()).isEqualTo(1);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (ftp().openSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ftp().openSessions()).as("control connections left open after the feed").isZero();
    }

    @Test
    void onlyAvailableAnimalsAreListed() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).set("status", "Hold").insert();
        db.animal(3, 1).set("status", "Pending").insert();
        db.animal(4, 1).set("status", "Adopted").insert();

        runCycle();

        assertThat(ids(adoptapetRows())).containsExactly("1");
    }

    @Test
    void linksCloseTheDescriptionWithWebsiteServiceAndLinksEnabled() {
        db.org(1).set("name", "Happy Tails").set("website_service", true).set("description_links_enabled", true)
                .set("homepage_url", "https://happytails.example.org")
                .set("animal_page_url_template", "https://happytails.example.org/animals/{id}").insert();
        db.account(1, "adoptapet", "AAP1", AAP_USER, AAP_PASSWORD).insert();
        db.animal(7, 1).set("name", "Rex").set("description", "Good boy.").insert();

        runCycle();

        assertThat(row(adoptapetRows(), 7).get(DESCRIPTION)).isEqualTo("Good boy.<br><br>"
                + "Meet Rex: https://happytails.example.org/animals/7<br>More from Happy Tails: https://happytails.example.org");
    }

    @Test
    void noLinksWithoutTheWebsiteServiceOrWithLinksSwitchedOff() {
        db.org(1).set("website_service", false).set("description_links_enabled", true)
                .set("homepage_url", "https://one.example.org").set("animal_page_url_template", "https://one.example.org/{id}").insert();
        db.account(1, "adoptapet", "AAP1", AAP_USER, AAP_PASSWORD).insert();
        db.animal(1, 1).set("description", "Good boy.").insert();
        runCycle();
        assertThat(row(adoptapetRows(), 1).get(DESCRIPTION)).isEqualTo("Good boy.");

        db.exec("update organizations set website_service = true, description_links_enabled = false");
        runCycle();
        assertThat(row(adoptapetRows(), 1).get(DESCRIPTION)).isEqualTo("Good boy.");

        db.exec("update organizations set description_links_enabled = true");
        runCycle();
        assertThat(row(adoptapetRows(), 1).get(DESCRIPTION)).contains("https://one.example.org/1");
    }

    @Test
    void lineBreaksBecomeBrAndTextIsEscapedForHtml() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("description", "Loves <b>cats</b> & dogs.\nSits on command.\n\n1 < 2").insert();

        runCycle();

        assertThat(row(adoptapetRows(), 1).get(DESCRIPTION)).isEqualTo("Loves cats &amp; dogs.<br>Sits on command.<br><br>1 &lt; 2");
    }

    @Test
    void sizeIsBlankForSpeciesOtherThanDogsAndCats() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("size", "Large").insert();
        db.animal(2, 1).set("species", "Cat").set("primary_breed", "Siamese").set("size", "Small").insert();
        db.animal(3, 1).set("species", "Rabbit").set("primary_breed", null).set("size", "Small").insert();

        runCycle();

        List<CSVRecord> rows = adoptapetRows();
        assertThat(List.of(row(rows, 1).get(SIZE), row(rows, 2).get(SIZE), row(rows, 3).get(SIZE)))
                .containsExactly("Large", "Small", "");
        assertThat(row(rows, 3).get(ANIMAL)).isEqualTo("Rabbit");
    }

    @Test
    void unknownSpeciesFallsBackAndAliasedBreedIsTranslatedByImportCfg() {
        orgWithBothPartners(1);
        db.animal(1, 1).set("species", "Dragon").set("primary_breed", null).insert();
        db.animal(2, 1).set("species", "Cat").set("primary_breed", "DSH").insert();
        db.animal(3, 1).set("primary_breed", "Space Wolf").insert();

        runCycle();

        List<CSVRecord> rows = adoptapetRows();
        assertThat(row(rows, 1).get(ANIMAL)).isEqualTo("Small Animal");
        assertThat(row(rows, 2).get(BREED)).isEqualTo("DSH");
        assertThat(ftp().text(AAP_USER, "import.cfg")).contains("DSH=Domestic Shorthair");
        assertThat(row(rows, 3).get(BREED)).isEqualTo("Mixed Breed (Medium)");
    }

    @Test
    void fourPicturesAndTheFirstVideoGoOut() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        for (int position = 1; position <= 5; position++) {
            db.picture(position, 1, position, "https://img.example.org/" + position + ".jpg").insert();
        }
        db.video(1, 1, "https://www.youtube.com/watch?v=abc").insert();
        db.video(2, 1, "https://vimeo.com/123").insert();

        runCycle();

        CSVRecord row = row(adoptapetRows(), 1);
        assertThat(row.get(PHOTO + 3)).startsWith("https://img.example.org/4.jpg?v=");
        assertThat(adoptapetFeed()).doesNotContain("5.jpg");
        assertThat(row.get(VIDEO)).isEqualTo("https://www.youtube.com/watch?v=abc");
    }
}
