package org.animalexports.operations;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's commands, run by the jar instead of the service:
 * {@code dead-letters list [--all]}, {@code dead-letters replay <id>|--all},
 * {@code held-feeds list [--all]}, {@code held-feeds release <id>|<org id> <partner>},
 * {@code organizations run <org id>}.
 * A replay runs the export of the dead letter's target again, as it is now (not the stale payload), and the
 * routes resolve the dead letter when the partner acknowledges. Exit status: 0 done, 1 something still failing,
 * 2 usage error.
 */
public class OperatorCommands {

    private final DataSource dataSource;
    private final ProducerTemplate template;
    private final PrintStream out;

    public OperatorCommands(CamelContext context, PrintStream out) {
        this.dataSource = context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
        this.template = context.createProducerTemplate();
        this.out = out;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("dead-letters") || args[0].equals("held-feeds")
                || args[0].equals("organizations"));
    }

    public int run(String[] args) throws SQLException {
        String what = args[0];
        String verb = args.length > 1 ? args[1] : "list";
        boolean all = args.length > 2 && args[2].equals("--all");
        if (what.equals("dead-letters") && verb.equals("list")) {
            printDeadLetters(all);
            return 0;
        }
        if (what.equals("dead-letters") && verb.equals("replay") && args.length > 2) {
            return replay(all ? openDeadLetterIds() : List.of(Long.parseLong(args[2])));
        }
        if (what.equals("held-feeds") && verb.equals("list")) {
            printHeldFeeds(all);
            return 0;
        }
        if (what.equals("held-feeds") && verb.equals("release") && args.length > 2) {
            return args.length > 3 ? release(Long.parseLong(args[2]), args[3]) : release(Long.parseLong(args[2]));
        }
        if (what.equals("organizations") && verb.equals("run") && args.length > 2) {
            return runOrganisation(Long.parseLong(args[2]));
        }
        out.println("usage: organizations run <org id> | dead-letters list [--all] | dead-letters replay <id>|--all"
                + " | held-feeds list [--all] | held-feeds release <id>|<org id> <partner>");
        return 2;
    }

    private void printDeadLetters(boolean all) throws SQLException {
        List<Map<String, Object>> rows = query("select id, status, kind, partner_code, org_id, animal_id, attempts, "
                + "first_attempt_at, last_attempt_at, route, reason from dead_letters "
                + (all ? "" : "where status = 'open' ") + "order by id");
        out.printf("%-6s %-8s %-7s %-11s %-7s %-9s %-8s %-20s %-20s %s%n", "id", "status", "kind", "partner", "org",
                "animal", "attempts", "first attempt", "last attempt", "reason");
        for (Map<String, Object> r : rows) {
            out.printf("%-6s %-8s %-7s %-11s %-7s %-9s %-8s %-20s %-20s %s%n", r.get("id"), r.get("status"),
                    r.get("kind"), r.get("partner_code"), r.get("org_id"), r.get("animal_id") == null ? "-" : r.get("animal_id"),
                    r.get("attempts"), time(r.get("first_attempt_at")), time(r.get("last_attempt_at")),
                    oneLine(r.get("reason")));
        }
        out.println(rows.size() + (all ? " dead letters" : " open dead letters"));
    }

    private List<Long> openDeadLetterIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> r : query("select id from dead_letters where status = 'open' order by id")) {
            ids.add(((Number) r.get("id")).longValue());
        }
        return ids;
    }

    private int replay(List<Long> ids) throws SQLException {
        int stillOpen = 0;
        for (long id : ids) {
            List<Map<String, Object>> found = query("select * from dead_letters where id = ?", id);
            if (found.isEmpty()) {
                out.println("dead letter " + id + ": not found");
                stillOpen++;
                continue;
            }
            Map<String, Object> letter = found.get(0);
            if (!"open".equals(letter.get("status"))) {
                out.println("dead letter " + id + ": already resolved (" + letter.get("resolution") + ")");
                continue;
            }
            String partner = (String) letter.get("partner_code");
            Object animal = letter.get("animal_id");
            if (animal != null) {
                // A payload the partner refused is sent again on replay.
                update("update animal_export_state set refused_hash = null where animal_id = ? and partner_code = ?",
                        animal, partner);
            }
            Exchange result = template.send("direct:export-cycle", exchange -> {
                exchange.getMessage().setHeader("onlyOrg", letter.get("org_id"));
                exchange.getMessage().setHeader("onlyPartner", partner);
                exchange.getMessage().setHeader("onlyAnimal", animal);
            });
            Map<String, Object> after = query("select status, resolution, last_attempt_at, reason from dead_letters where id = ?", id).get(0);
            boolean untouched = String.valueOf(after.get("last_attempt_at")).equals(String.valueOf(letter.get("last_attempt_at")));
            if ("open".equals(after.get("status")) && untouched && result.getException() == null
                    && "animal".equals(letter.get("kind")) && !isListed(animal, partner)
                    && !"rejected".equals(stateOf(animal, partner))) {
                update("update dead_letters set status = 'resolved', resolved_at = now(), "
                        + "resolution = 'nothing to send any more' where id = ?", id);
                after.put("status", "resolved");
                after.put("resolution", "nothing to send any more");
            }
            if ("resolved".equals(after.get("status"))) {
                out.println("dead letter " + id + ": resolved (" + after.get("resolution") + ")");
            } else {
                stillOpen++;
                out.println("dead letter " + id + ": still failing: " + oneLine(result.getException() != null
                        ? result.getException().getMessage() : after.get("reason")));
            }
        }
        return stillOpen == 0 ? 0 : 1;
    }

    private boolean isListed(Object animal, String partner) throws SQLException {
        return "listed".equals(stateOf(animal, partner));
    }

    private String stateOf(Object animal, String partner) throws SQLException {
        List<Map<String, Object>> rows = query("select state from animal_export_state where animal_id = ? and partner_code = ?",
                animal, partner);
        return rows.isEmpty() ? null : (String) rows.get(0).get("state");
    }

    @SuppressWarnings("unchecked")
    private int runOrganisation(long orgId) {
        Exchange result = template.send("direct:export-cycle", exchange -> exchange.getMessage().setHeader("onlyOrg", orgId));
        if (result.getException() != null) {
            out.println("export of organisation " + orgId + " failed: " + oneLine(result.getException().getMessage()));
            return 1;
        }
        out.println("export of organisation " + orgId + ": " + result.getMessage().getBody(Map.class));
        return result.getMessage().getHeader("cycleFailures", 0L, Long.class) == 0 ? 0 : 1;
    }

    private void printHeldFeeds(boolean all) throws SQLException {
        List<Map<String, Object>> rows = query("select id, status, org_id, partner_code, listed_before, would_remove, "
                + "would_list, held_at, last_seen_at, released_by from held_feeds "
                + (all ? "" : "where status = 'held' ") + "order by id");
        out.printf("%-6s %-10s %-7s %-11s %-13s %-12s %-10s %-20s %s%n", "id", "status", "org", "partner",
                "listed now", "would remove", "would list", "held at", "released by");
        for (Map<String, Object> r : rows) {
            out.printf("%-6s %-10s %-7s %-11s %-13s %-12s %-10s %-20s %s%n", r.get("id"), r.get("status"),
                    r.get("org_id"), r.get("partner_code"), r.get("listed_before"), r.get("would_remove"),
                    r.get("would_list"), time(r.get("held_at")), r.get("released_by") == null ? "-" : r.get("released_by"));
        }
        out.println(rows.size() + (all ? " held feeds" : " feeds held"));
    }

    private int release(long orgId, String partner) throws SQLException {
        List<Map<String, Object>> rows = query("select id from held_feeds where org_id = ? and partner_code = ? "
                + "and status = 'held'", orgId, partner);
        if (rows.isEmpty()) {
            out.println("no held " + partner + " feed for organisation " + orgId);
            return 1;
        }
        return release(((Number) rows.get(0).get("id")).longValue());
    }

    private int release(long id) throws SQLException {
        List<Map<String, Object>> rows = query("select org_id, partner_code from held_feeds where id = ? and status = 'held'", id);
        if (rows.isEmpty()) {
            out.println("held feed " + id + ": not held");
            return 1;
        }
        update("update held_feeds set status = 'released', released_at = now(), released_by = ? where id = ?",
                System.getProperty("user.name", "operator"), id);
        Map<String, Object> held = rows.get(0);
        out.println("held feed " + id + " released; exporting organisation " + held.get("org_id") + " to "
                + held.get("partner_code") + " now");
        Exchange result = template.send("direct:export-cycle", exchange -> {
            exchange.getMessage().setHeader("onlyOrg", held.get("org_id"));
            exchange.getMessage().setHeader("onlyPartner", held.get("partner_code"));
        });
        List<Map<String, Object>> run = query("select outcome, message from export_runs where org_id = ? and partner_code = ? "
                + "order by id desc limit 1", held.get("org_id"), held.get("partner_code"));
        String outcome = run.isEmpty() ? "none" : (String) run.get(0).get("outcome");
        out.println("export " + outcome + (run.isEmpty() ? "" : ": " + oneLine(run.get(0).get("message"))));
        return result.getException() == null && ("delivered".equals(outcome) || "unchanged".equals(outcome)) ? 0 : 1;
    }

    private static String time(Object value) {
        return value instanceof Timestamp ts ? ts.toInstant().toString().substring(0, 19).replace('T', ' ') : String.valueOf(value);
    }

    private static String oneLine(Object text) {
        String s = text == null ? "" : text.toString().replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    private List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
