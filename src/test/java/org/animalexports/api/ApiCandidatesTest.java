package org.animalexports.api;

import org.animalexports.support.ExportTestSupport;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which animals an API sync looks at (routes/sql/select-api-candidates.sql): those a partner lists, and those it
 * could take now. The others it would only skip, and a full sync of a large platform reads them all.
 */
class ApiCandidatesTest extends ExportTestSupport {

    @Override
    protected boolean useJmx() {
        return true; // the planner's processor statistics count what it looked at
    }

    @Test
    void onlyAnimalsAPartnerCouldTakeOrListsAreConsidered() {
        orgWithApiPartners(1);
        db.animal(1, 1).insert(); // a dog, available: both partners
        db.animal(2, 1).set("species", "Cat").set("primary_breed", "Siamese").insert(); // PetRescue only
        db.animal(3, 1).set("status", "Adopted").insert(); // listed nowhere, and no partner takes it
        db.animal(4, 1).set("export_enabled", false).insert();

        runCycle();

        assertThat(planned()).isEqualTo(3);
        assertThat(petrescue().requests()).extracting(r -> r.json().path("remote_id").asText()).containsExactlyInAnyOrder("1", "2");
        assertThat(savourlife().requests()).extracting(r -> r.path() + " " + r.json().path("Code").asText())
                .containsExactly("/SetAnimal 1");

        // The dog becomes a cat: SavourLife lists it, so it is still considered there, and withdrawn.
        db.exec("update animals set species = 'Cat', primary_breed = 'Siamese' where id = 1");
        runCycle();

        assertThat(planned()).isEqualTo(6);
        assertThat(savourlife().requests()).extracting(r -> r.path() + " " + r.json().path("Code").asText())
                .containsExactly("/SetAnimal 1", "/DeleteAnimal 1");
    }

    /** How many animal x partner pairs the API planner has looked at so far. */
    private long planned() {
        return context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor("plan-api-call").getExchangesTotal();
    }
}
