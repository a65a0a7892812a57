package org.animalexports;

import org.animalexports.support.Fixture;
import org.animalexports.support.FtpPeer;
import org.animalexports.support.HttpPeer;
import org.animalexports.support.PartnerAnswers;
import org.animalexports.support.TestDatabase;
import org.animalexports.support.TestServices;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances on one database and one set of partners: every feed is uploaded once and every listing
 * pushed once, also when two --once runs start at the same moment; a dead instance's claim is taken over.
 */
class SeveralInstancesTest {

    private static final int ORGS = 12;
    private static final int ANIMALS_PER_ORG = 4;
    private static FtpPeer ftp;
    private static HttpPeer petrescue;
    private static String url;
    private static Fixture db;

    @BeforeAll
    static void peers() {
        ftp = new FtpPeer();
        ftp.addUser("shared", "pw-1");
        petrescue = new HttpPeer();
        petrescue.respondWith(PartnerAnswers::petrescue);
        url = TestDatabase.newDatabase();
        db = new Fixture(url);
    }

    @AfterAll
    static void stop() {
        ftp.close();
        petrescue.close();
    }

    private static Main main(String instance) {
        // Each instance is its own JVM in production; here two share one, so each context gets a JMX name of its own
        // (two contexts starting at the same moment can both find the default name free and clash).
        return TestServices.main(url, Map.of("exports.instance-id", instance, "exports.parallel-exports", "2",
                "camel.main.name", "animal-exports-" + instance,
                "partners.petfinder.host", "127.0.0.1", "partners.petfinder.port", Integer.toString(ftp.port()),
                "partners.petrescue.base-url", petrescue.baseUrl()));
    }

    @Test
    void twoInstancesNeverSendTheSameThingTwiceAndTakeOverADeadOnesWork() throws Exception {
        // The schema first, then the data: ORGS organisations with a Petfinder and a PetRescue account each.
        assertThat(ExportsApplication.runOnce(main("setup"))).isZero();
        for (int org = 1; org <= ORGS; org++) {
            db.org(org).set("api_exports_enabled", true).insert();
            db.account(org, "petfinder", "ORG" + org, "shared", "pw-1").insert();
            db.account(org, "petrescue", "PR" + org, null, "token-" + org).insert();
            for (int a = 1; a <= ANIMALS_PER_ORG; a++) {
                db.animal(org * 100 + a, org).insert();
            }
        }

        // Two --once runs started at the same moment.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = pool.invokeAll(List.<Callable<Integer>>of(
                () -> ExportsApplication.runOnce(main("a")), () -> ExportsApplication.runOnce(main("b"))));
        for (Future<Integer> run : runs) {
            assertThat(run.get()).isZero();
        }
        pool.shutdown();

        List<String> stored = ftp.log().stream().filter(l -> l.contains(" RNTO ")).sorted().toList();
        assertThat(stored).hasSize(ORGS).doesNotHaveDuplicates();
        List<String> pushed = petrescue.requests().stream().map(r -> r.path() + " " + r.body().replaceAll(",.*", ""))
                .collect(Collectors.toList());
        assertThat(pushed).hasSize(ORGS * ANIMALS_PER_ORG).doesNotHaveDuplicates();
        assertThat(db.query("select count(*) as n from partner_accounts where claimed_by is not null").get(0).get("n"))
                .isEqualTo(0L);

        // Instance "dead" claimed organisation 1 and died: while its lease runs, nobody exports organisation 1...
        db.exec("update animals set description = 'Changed.' where org_id in (1, 2)");
        db.exec("update partner_accounts set claimed_by = 'dead', claimed_until = now() + interval '1 hour' where org_id = 1");
        assertThat(ExportsApplication.runOnce(main("a"))).isZero();
        assertThat(ftp.log().stream().filter(l -> l.contains(" RNTO ")).count()).isEqualTo(ORGS + 1);
        assertThat(ftp.log().stream().filter(l -> l.endsWith("RNTO import/ORG1.csv")).count()).isEqualTo(1);

        // ...and once the lease has run out, the next cycle of another instance takes the work over.
        db.exec("update partner_accounts set claimed_until = now() - interval '1 second' where org_id = 1");
        assertThat(ExportsApplication.runOnce(main("b"))).isZero();
        assertThat(ftp.log().stream().filter(l -> l.endsWith("RNTO import/ORG1.csv")).count()).isEqualTo(2);
        assertThat(petrescue.requests().stream().filter(r -> r.body().contains("\"remote_source\":\"PR1\"")
                && r.body().contains("Changed.")).count()).isEqualTo(ANIMALS_PER_ORG);
    }
}
