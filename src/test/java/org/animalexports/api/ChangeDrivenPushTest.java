package org.animalexports.api;

import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.animalexports.support.PartnerAnswers;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** With the service on its schedule, a change reaches the API partners within the poll interval, not the cycle. */
class ChangeDrivenPushTest extends ExportTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties p = new Properties();
        p.put("exports.scheduler-enabled", "true");
        p.put("exports.catch-up-delay-millis", "100");
        p.put("exports.schedule.cron", "0 0 0 1 1 ? 2099"); // no scheduled full cycle during the test
        p.put("exports.api.poll-interval-millis", "1000");
        return p;
    }

    @Test
    void editedAnimalReachesEveryApiPartnerWithinThePollInterval() throws Exception {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petrescue", "PR1", null, "t1").insert();
        db.account(1, "savourlife", "SL1", null, "t2").insert();
        db.animal(1, 1).insert();
        // The service started before these rows existed: the change poll finds them as new and lists the animal.
        assertThat(petrescue().awaitRequests(1, Duration.ofSeconds(20))).hasSize(1);
        Thread.sleep(1500); // let the poll pass over the first push

        Instant changed = Instant.now();
        db.exec("update animals set description = 'Changed just now.' where id = 1");
        List<HttpPeer.Request> pr = petrescue().awaitRequests(2, Duration.ofSeconds(60));
        List<HttpPeer.Request> sl = savourlife().awaitRequests(2, Duration.ofSeconds(60));

        assertThat(pr).hasSize(2);
        assertThat(sl).hasSize(2);
        assertThat(pr.get(1).body()).contains("Changed just now.");
        Duration latency = Duration.between(changed, pr.get(1).at());
        assertThat(latency).isLessThan(Duration.ofSeconds(5)); // poll interval 1 s, promise 60 s
        Thread.sleep(2500);
        assertThat(petrescue().requests()).hasSize(2); // pushed once, not again by later polls
    }

    @Test
    void deletedAnimalIsWithdrawnByTheChangePoll() throws Exception {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petrescue", "PR1", null, "t1").insert();
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        assertThat(petrescue().awaitRequests(2, Duration.ofSeconds(20))).hasSize(2);
        Thread.sleep(7000); // past the poll's 5 s look-back, so the inserts above no longer bring organisation 1 in

        Instant deleted = Instant.now();
        db.exec("delete from animals where id = 2"); // no column moves: the deletion log tells the poll
        List<HttpPeer.Request> pr = petrescue().awaitRequests(3, Duration.ofSeconds(60));

        assertThat(pr).extracting(r -> r.method() + " " + r.path()).endsWith("PATCH /listings/2/PR1");
        assertThat(Duration.between(deleted, pr.get(2).at())).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(2500);
        assertThat(petrescue().requests()).hasSize(3); // withdrawn once
    }

    @Test
    void fullCycleWaitsForARunningPollThenSyncsEveryAnimal() throws Exception {
        Timestamp longAgo = Timestamp.valueOf("2020-01-01 00:00:00");
        db.org(1).set("api_exports_enabled", true).set("updated_at", longAgo).insert();
        db.account(1, "petrescue", "PR1", null, "t1").set("updated_at", longAgo).insert();
        for (long id = 1; id <= 6; id++) {
            db.animal(id, 1).set("updated_at", longAgo).insert(); // as if listed elsewhere long ago: no poll sees them
        }
        CountDownLatch pushing = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        petrescue().respondWith(r -> {
            if (first.getAndSet(false)) {
                pushing.countDown();
                try {
                    Thread.sleep(3000); // the poll's sync is still running when the full cycle starts
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return PartnerAnswers.petrescue(r);
        });

        db.exec("update animals set description = 'Changed just now.' where id = 1"); // the poll claims organisation 1
        assertThat(pushing.await(20, TimeUnit.SECONDS)).isTrue();
        runCycle();

        // The full sync waited for the poll's sync, then pushed the five animals the poll had no reason to push.
        assertThat(petrescue().requests()).extracting(r -> r.body().replaceAll("(?s).*\"remote_id\":(\\d+).*", "$1"))
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6");
    }
}
