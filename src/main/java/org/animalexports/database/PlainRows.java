package org.animalexports.database;

import org.apache.camel.component.sql.DefaultRowMapperFactory;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of the routes' {@code sql:} steps as plain maps, in column order, keyed by the column names as
 * PostgreSQL returns them (lower case: no query of ours quotes a column name).
 *
 * <p>camel-sql's default is Spring's case-insensitive map: every lookup lower-cases the key and looks it up twice,
 * and every row is built twice over. The planner alone looks up some 60 columns of each animal x API partner
 * row; in the benchmark these lookups were 3.5 % of the API part's JVM samples. The values are the same:
 * Spring's column mapper reads them, only the map it puts them in differs.
 */
public class PlainRows extends DefaultRowMapperFactory {

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return new ColumnMapRowMapper() {
            @Override
            protected Map<String, Object> createColumnMap(int columnCount) {
                return new LinkedHashMap<>(columnCount * 4 / 3 + 1);
            }
        };
    }
}
