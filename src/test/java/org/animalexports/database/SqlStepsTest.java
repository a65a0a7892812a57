package org.animalexports.database;

import org.animalexports.support.ExportTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every SQL step of the routes is prepared before its first call: its parameter count (so camel-sql never asks
 * PostgreSQL to describe a statement again) is the one the driver binds, and its query with named parameters
 * replaced is the one camel-sql would make on every call.
 */
class SqlStepsTest extends ExportTestSupport {

    @Test
    void rowsArePlainMapsInColumnOrder() {
        db.org(1).insert();
        Object rows = template.requestBody("sql:select id as org_id, name, 7 as seven from organizations?"
                + "outputType=SelectList", (Object) null);

        assertThat(rows).asList().singleElement().isInstanceOf(LinkedHashMap.class);
        Map<?, ?> row = (Map<?, ?>) ((List<?>) rows).get(0);
        assertThat(row.keySet().stream().map(Object::toString).toList()).containsExactly("org_id", "name", "seven");
    }

    @Test
    void countsTheParametersTheDriverBinds() {
        assertThat(SqlSteps.count("select 1")).isZero();
        assertThat(SqlSteps.count("update t set a = ? where b = ? and c = cast(? as int)")).isEqualTo(3);
        assertThat(SqlSteps.count("select '?', 'it''s ?', \"odd?name\" from t where a = ?")).isEqualTo(1);
        assertThat(SqlSteps.count("select a -- is it?\n from t /* why? /* nested? */ */ where b = ?"))
                .isEqualTo(1);
        assertThat(SqlSteps.count("select $$ a ? $$, $tag$ b ? $tag$, x::text from t where j ?? 'k' and c = $1 "
                + "and d = ?")).isEqualTo(1);
        assertThat(SqlSteps.count("select 'unterminated ?")).isEqualTo(-1);
    }

    @Test
    void aQueryPreparedOnceIsTheOneCamelSqlWouldPrepare() throws Exception {
        // as camel-sql resolves a step's query: its placeholder # turned into ? first
        String query = SqlHelper.resolvePlaceholders(
                "update t set a = :#${header.a}, b = :#b where c = :#${exchangeProperty.c} and d = '::x'", "#");
        String prepared = new DefaultSqlPrepareStatementStrategy(',').prepareQuery(query, true, null);
        SqlSteps.PreparedOnce once = new SqlSteps.PreparedOnce(',', query, true, prepared);

        assertThat(once.prepareQuery(query, true, null)).isEqualTo(prepared).contains("a = ?, b = ? where c = ?");
        assertThat(once.prepareQuery("select :?x", true, null)).isEqualTo("select ?");
        assertThat(once.prepareQuery(query, false, null)).isEqualTo(query);
    }

    @Test
    void parametersReadOnceHaveTheValuesCamelSqlWouldFind() throws Exception {
        String query = SqlHelper.resolvePlaceholders("update t set a = :#${header.a}, b = :#b, "
                + "c = :#${exchangeProperty.c}, d = :#${body[d]}, e = :#e, f = :#f where g = :#${header.missing}", "#");
        String prepared = new DefaultSqlPrepareStatementStrategy(',').prepareQuery(query, true, null);
        SqlSteps.PreparedOnce once = new SqlSteps.PreparedOnce(',', query, true, prepared).withParameters(context);
        DefaultSqlPrepareStatementStrategy camels = new DefaultSqlPrepareStatementStrategy(',');

        Exchange exchange = new DefaultExchange(context);
        Map<String, Object> row = new LinkedHashMap<>(Map.of("d", 4, "e", "from the body"));
        exchange.getMessage().setBody(row);
        exchange.getMessage().setHeader("a", 1);
        exchange.getMessage().setHeader("b", "two");
        exchange.getMessage().setHeader("e", "from a header");
        exchange.setProperty("c", 3L);
        exchange.setVariable("f", "six");

        List<Object> ours = values(once.createPopulateIterator(query, prepared, 7, exchange, row));
        assertThat(ours).isEqualTo(values(camels.createPopulateIterator(query, prepared, 7, exchange, row)))
                .containsExactly(1, "two", 3L, 4, "from the body", "six", null);

        // one row of a batch: the body is that row, not the message's
        Map<String, Object> batchRow = Map.of("d", 40, "e", "row", "b", "row b");
        assertThat(values(once.createPopulateIterator(query, prepared, 7, exchange, batchRow)))
                .isEqualTo(values(camels.createPopulateIterator(query, prepared, 7, exchange, batchRow)))
                .containsExactly(1, "row b", 3L, 40, "row", "six", null);

        exchange.removeVariable("f");
        assertThatThrownBy(() -> values(once.createPopulateIterator(query, prepared, 7, exchange, row)))
                .hasMessageContaining("Cannot find key [f] in message body or headers");
        assertThatThrownBy(() -> values(camels.createPopulateIterator(query, prepared, 7, exchange, row)))
                .hasMessageContaining("Cannot find key [f] in message body or headers");
    }

    private static List<Object> values(Iterator<?> iterator) {
        List<Object> values = new ArrayList<>();
        iterator.forEachRemaining(values::add);
        return values;
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
                assertThat(step.getPrepareStatementStrategy()).as(step.getEndpointUri())
                        .isInstanceOf(SqlSteps.PreparedOnce.class);
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
