package org.animalexports.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Builds a test's own animal data in the real database, with plain defaults a test overrides where it matters. */
public final class Fixture {

    private final String url;

    public Fixture(String url) {
        this.url = url;
    }

    /** Empties every table, so each test starts from nothing. */
    public void clear() {
        exec("truncate organizations, partner_accounts, fosters, animals, animal_pictures, animal_videos, "
                + "animal_partner_accounts, animal_export_state, feed_uploads, export_runs, dead_letters, held_feeds, "
                + "animal_deletions "
                + "restart identity");
    }

    public String url() {
        return url;
    }

    public Row org(long id) {
        return new Row("organizations").set("id", id).set("name", "Rescue " + id)
                .set("email", "rescue" + id + "@example.org").set("phone", "555-01" + id);
    }

    public Row account(long orgId, String partnerCode, String accountId, String username, String secret) {
        return new Row("partner_accounts").set("org_id", orgId).set("partner_code", partnerCode).set("enabled", true)
                .set("account_id", accountId).set("username", username).set("secret", secret).set("status", "active");
    }

    /** An adult, available male Labrador with no pictures: a plain animal every partner takes. */
    public Row animal(long id, long orgId) {
        return new Row("animals").set("id", id).set("org_id", orgId).set("name", "Animal " + id)
                .set("species", "Dog").set("primary_breed", "Labrador Retriever").set("sex", "Male")
                .set("age_group", "Adult").set("size", "Medium").set("status", "Available")
                .set("description", "A good animal.");
    }

    public Row foster(long id, long orgId) {
        return new Row("fosters").set("id", id).set("org_id", orgId);
    }

    public Row picture(long id, long animalId, int position, String url) {
        return new Row("animal_pictures").set("id", id).set("animal_id", animalId).set("position", position).set("url", url);
    }

    public Row video(long id, long animalId, String url) {
        return new Row("animal_videos").set("id", id).set("animal_id", animalId).set("url", url);
    }

    public Row choice(long animalId, String partnerCode, boolean selected) {
        return new Row("animal_partner_accounts").set("animal_id", animalId).set("partner_code", partnerCode)
                .set("selected", selected);
    }

    public int exec(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    /** A row to insert: column values in the order set. */
    public final class Row {
        private final String table;
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Row(String table) {
            this.table = table;
        }

        public Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        public void insert() {
            StringJoiner columns = new StringJoiner(", ");
            StringJoiner marks = new StringJoiner(", ");
            values.keySet().forEach(k -> {
                columns.add(k);
                marks.add(k.endsWith("_date") ? "cast(? as date)" : "?");
            });
            exec("insert into " + table + " (" + columns + ") values (" + marks + ")", values.values().toArray());
        }
    }
}
