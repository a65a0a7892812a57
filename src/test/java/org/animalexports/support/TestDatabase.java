package org.animalexports.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One real PostgreSQL server for the test JVM; each test class gets a database of its own on it. */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static boolean statementStatistics;

    private TestDatabase() {
    }

    /** Has the server (when this JVM has not started it yet) load pg_stat_statements, for the benchmark. */
    public static synchronized void recordStatementStatistics() {
        statementStatistics = true;
    }

    /** A new, empty database; returns its JDBC URL (user and password: postgres). */
    public static synchronized String newDatabase() {
        try {
            if (server == null) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (statementStatistics) {
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                    // planning is part of what a statement costs when the driver does not keep it prepared
                    builder.setServerConfig("pg_stat_statements.track_planning", "on");
                }
                server = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "exports_test_" + COUNTER.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return server.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
