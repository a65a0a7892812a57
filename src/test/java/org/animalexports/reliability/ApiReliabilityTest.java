package org.animalexports.reliability;

import org.animalexports.operations.OperatorCommands;
import org.animalexports.support.ExportTestSupport;
import org.animalexports.support.HttpPeer;
import org.animalexports.support.PartnerAnswers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API calls that finally fail become dead letters; a replay after the partner recovered delivers and resolves them. */
class ApiReliabilityTest extends ExportTestSupport {

    private String command(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new OperatorCommands(context, new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void failedPushesAreDeadLetteredAndReplayed() throws Exception {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petrescue", "PR1", null, "Pr-T0ken-9").insert();
        db.animal(1, 1).insert();
        db.animal(2, 1).insert();
        petrescue().respondWith(r -> r.body().contains("\"remote_id\":1,")
                ? HttpPeer.Response.json(422, "{\"error\": \"description too short\"}")
                : HttpPeer.Response.json(503, "{\"error\": \"maintenance\"}"));

        Map<String, Object> summary = runCycle();

        assertThat(summary).containsEntry("failed", 1L);
        List<Map<String, Object>> letters = db.query("select id, kind, animal_id, attempts, reason, payload from dead_letters order by animal_id");
        assertThat(letters).extracting(l -> l.get("kind") + " " + l.get("animal_id")).containsExactly("animal 1", "animal 2");
        assertThat((String) letters.get(0).get("reason")).contains("422").contains("description too short");
        assertThat((String) letters.get(1).get("reason")).contains("503");
        assertThat((String) letters.get(1).get("payload")).startsWith("POST http://127.0.0.1:").contains("\"remote_id\":2")
                .doesNotContain("Pr-T0ken-9");
        assertThat(petrescue().requests()).hasSize(1 + 3); // 422 once, 503 and its 2 retries

        runCycle(); // the refused payload is not sent again; the one that met 503 is
        assertThat(petrescue().requests()).hasSize(4 + 3);
        assertThat(db.query("select attempts from dead_letters order by animal_id"))
                .containsExactly(Map.of("attempts", 1), Map.of("attempts", 2));

        petrescue().respondWith(PartnerAnswers::petrescue); // the partner is fixed
        String replay = command("dead-letters", "replay", "--all");

        assertThat(replay).startsWith("0\n").contains("dead letter 1: resolved").contains("dead letter 2: resolved");
        assertThat(db.query("select state from animal_export_state order by animal_id"))
                .containsExactly(Map.of("state", "listed"), Map.of("state", "listed"));
    }

    @Test
    void failedAccountRequestIsDeadLetteredAndReplayed() throws Exception {
        db.org(1).set("api_exports_enabled", true).insert();
        db.account(1, "petrescue", null, null, null).set("status", "new").insert();
        db.animal(1, 1).insert();
        petrescue().respondWith(r -> HttpPeer.Response.json(500, "{}"));

        runCycle();

        assertThat(db.query("select kind, status from dead_letters")).containsExactly(Map.of("kind", "account", "status", "open"));
        assertThat(db.query("select status, account_id from partner_accounts").get(0)).containsEntry("status", "requested");

        petrescue().respondWith(PartnerAnswers::petrescue);
        assertThat(command("dead-letters", "replay", "--all")).startsWith("0\n").contains("resolved");

        assertThat(db.query("select status, account_id from partner_accounts"))
                .containsExactly(Map.of("status", "active", "account_id", "PR-NEW"));
        assertThat(petrescue().requests()).extracting(r -> r.method() + " " + r.path()).endsWith("POST /accounts", "POST /listings");
    }
}
