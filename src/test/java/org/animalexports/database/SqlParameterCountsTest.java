package org.animalexports.database;

import org.animalexports.support.ExportTestSupport;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL step of the routes knows its parameter count before its first call, so camel-sql never asks PostgreSQL
 * to describe a statement again; and the count is the one the driver binds.
 */
class SqlParameterCountsTest extends ExportTestSupport {

    @Test
    void countsTheParametersTheDriverBinds() {
        assertThat(SqlParameterCounts.count("select 1")).isZero();
        assertThat(SqlParameterCounts.count("update t set a = ? where b = ? and c = cast(? as int)")).isEqualTo(3);
        assertThat(SqlParameterCounts.count("select '?', 'it''s ?', \"odd?name\" from t where a = ?")).isEqualTo(1);
        assertThat(SqlParameterCounts.count("select a -- is it?\n from t /* why? /* nested? */ */ where b = ?"))
                .isEqualTo(1);
        assertThat(SqlParameterCounts.count("select $$ a ? $$, $tag$ b ? $tag$, x::text from t where j ?? 'k' and c = $1 "
                + "and d = ?")).isEqualTo(1);
        assertThat(SqlParameterCounts.count("select 'unterminated ?")).isEqualTo(-1);
    }

    @Test
    void everySqlStepWithParametersHasItsCountFromTheStart() {
        List<SqlEndpoint> steps = context.getEndpoints().stream()
                .filter(SqlEndpoint.class::isInstance).map(SqlEndpoint.class::cast).toList();
        assertThat(steps).as("the routes' SQL steps").hasSizeGreaterThan(20);
        for (SqlEndpoint step : steps) {
            String query = resolved(step);
            if (query.contains(":#")) {
                assertThat(step.getParametersCount()).as(step.getEndpointUri()).isPositive();
            }
        }
    }

    private String resolved(SqlEndpoint step) {
        try {
            return SqlHelper.resolveQuery(context, step.getQuery(), null);
        } catch (Exception e) {
            throw new AssertionError(step.getEndpointUri(), e);
        }
    }
}
