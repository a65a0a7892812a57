package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The switches of SPEC section 1, each on and off, as the FTP partners see them. */
class SwitchesTest extends ExportTestSupport {

    @Override
    protected boolean useJmx() {
        return true; // the feed's processor statistics count the reads of an organisation's animals
    }

    @Test
    void partnerSwitchOffMeansThatPartnerGetsNoFeed() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.exec("update partner_accounts set enabled = false where partner_code = 'petfinder'");

        runCycle();

        assertThat(ftp().files(PF_USER)).isEmpty();
        assertThat(ids(adoptapetRows())).containsExactly("1");

        db.exec("update partner_accounts set enabled = true where partner_code = 'petfinder'");
        runCycle();
        assertThat(ids(petfinderRows())).containsExactly("1");
    }

    @Test
    void animalWithExportDisabledGoesToNoPartner() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).set("export_enabled", false).insert();

        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(ids(adoptapetRows())).containsExactly("1");

        db.exec("update animals set export_enabled = true where id = 2");
        runCycle();
        assertThat(ids(petfinderRows())).containsExactly("1", "2");
        assertThat(ids(adoptapetRows())).containsExactly("1", "2");
    }

    @Test
    void deselectedAnimalStaysOffThatOnePartnerOnly() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        db.choice(2, "petfinder", false).insert();
        db.choice(1, "petfinder", true).insert();

        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(ids(adoptapetRows())).containsExactly("1", "2");
        assertThat(animalReads()).as("the organisation's animals read once for both feeds").isEqualTo(1);

        db.exec("update animal_partner_accounts set selected = true where animal_id = 2");
        runCycle();
        assertThat(ids(petfinderRows())).containsExactly("1", "2");
    }

    /** How many times the FTP feeds have read an organisation's animals so far. */
    private long animalReads() {
        return context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor("select-feed-animals").getExchangesTotal();
    }

    @Test
    void apiSwitchDoesNotAffectFtpFeeds() {
        db.org(1).set("api_exports_enabled", false).insert();
        db.account(1, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).insert();

        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
    }

    @Test
    void eachOrganisationGetsOnlyItsOwnAnimals() {
        orgWithBothPartners(1);
        db.org(2).insert();
        db.account(2, "petfinder", "TX12", PF_USER, PF_PASSWORD).insert();
        db.animal(1, 1).insert();
        db.animal(2, 2).insert();

        runCycle();

        assertThat(ids(petfinderRows())).containsExactly("1");
        assertThat(ids(parse(ftp().text(PF_USER, "import/TX12.csv"), true))).containsExactly("2");
    }
}
