package org.animalexports.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The animal database: the one named by EXPORTS_DB_URL, or an embedded PostgreSQL when none is configured.
 * Migrations are applied on start. Stopping it closes the pool and the embedded server.
 */
public class Database extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgres embedded;

    private Database(HikariDataSource dataSource, EmbeddedPostgres embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /**
     * @param url         JDBC URL; blank starts an embedded PostgreSQL whose data lives in embeddedDir
     * @param maxPoolSize connections the exports may use at once
     */
    public static Database open(String url, String user, String password, int maxPoolSize, Path embeddedDir) {
        return open(url, user, password, maxPoolSize, embeddedDir, true);
    }

    /**
     * @param synchronousCommit false: the service's own writes (export state, runs) do not wait for the WAL flush.
     *                          Only a crash of the database server itself can then lose the last fraction of a second
     *                          of them, which means a listing is sent once more; nothing is lost or sent wrongly.
     */
    public static Database open(String url, String user, String password, int maxPoolSize, Path embeddedDir,
                                boolean synchronousCommit) {
        EmbeddedPostgres embedded = null;
        String jdbcUrl = url;
        String jdbcUser = user;
        String jdbcPassword = password;
        if (url == null || url.isBlank()) {
            try {
                LOG.info("No EXPORTS_DB_URL configured: starting an embedded PostgreSQL in {}", embeddedDir.toAbsolutePath());
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(embeddedDir)
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            jdbcUser = "postgres";
            jdbcPassword = "postgres";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(jdbcUser);
        config.setPassword(jdbcPassword);
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setPoolName("animal-exports");
        config.setInitializationFailTimeout(30_000);
        if (!synchronousCommit) {
            config.setConnectionInitSql("set synchronous_commit = off");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new Database(dataSource, embedded);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    protected void doStop() throws Exception {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
