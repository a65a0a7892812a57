package org.animalexports.feed;

import org.animalexports.support.ExportTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** With partners.petfinder.send-adopted=true, adopted animals stay in the Petfinder feed with status X. */
class AdoptedAnimalsSentAsXTest extends ExportTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("partners.petfinder.send-adopted", "true");
        return p;
    }

    @Test
    void adoptedAnimalIsSentWithStatusXWhenThePartnerSettingSaysSo() {
        orgWithBothPartners(1);
        db.animal(1, 1).insert();
        db.animal(2, 1).set("status", "Adopted").insert();
        db.animal(3, 1).set("status", "Deceased").insert();

        runCycle();

        assertThat(petfinderRows().stream().map(r -> r.get("ID") + r.get("Status")).toList()).containsExactly("1A", "2X");
        assertThat(ids(adoptapetRows())).containsExactly("1");
    }
}
