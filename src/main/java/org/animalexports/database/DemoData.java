package org.animalexports.database;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Loads the demo organisations and animals of the embedded default, once, into an empty database. */
public final class DemoData {

    private DemoData() {
    }

    public static boolean loadIfEmpty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select count(*) from organizations")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return false;
                }
            }
            statement.execute(script());
            return true;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot load the demo data: " + e.getMessage(), e);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.sql")) {
            if (in == null) {
                throw new IOException("demo/demo-data.sql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
