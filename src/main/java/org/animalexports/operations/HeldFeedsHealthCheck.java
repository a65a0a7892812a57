package org.animalexports.operations;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Readiness: DOWN while the mass-removal guard holds a feed, with the held feeds per partner in the details. */
public class HeldFeedsHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public HeldFeedsHealthCheck(DataSource dataSource) {
        super("exports", "exports-held-feeds");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<String, Object> held = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select partner_code, string_agg(cast(org_id as text), ',' order by org_id) as orgs "
                     + "from held_feeds where status = 'held' group by partner_code")) {
            while (rs.next()) {
                held.put("held." + rs.getString(1), "organisations " + rs.getString(2));
            }
        } catch (Exception e) {
            builder.down().message("cannot read the held feeds: " + e.getMessage());
            return;
        }
        builder.details(held);
        if (held.isEmpty()) {
            builder.up();
        } else {
            builder.down().message("feeds held by the mass-removal guard: " + held + "; release with held-feeds release");
        }
    }
}
