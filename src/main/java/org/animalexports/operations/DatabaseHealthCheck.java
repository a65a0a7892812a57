package org.animalexports.operations;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

/** Readiness: the animal database answers within two seconds. */
public class DatabaseHealthCheck extends AbstractHealthCheck {

    private final DataSource dataSource;

    public DatabaseHealthCheck(DataSource dataSource) {
        super("exports", "exports-database");
        this.dataSource = dataSource;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                builder.up();
            } else {
                builder.down().message("the database did not answer within 2 s");
            }
        } catch (Exception e) {
            builder.down().message("the database is not reachable: " + e.getMessage()).error(e);
        }
    }
}
