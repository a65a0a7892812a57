package org.animalexports.database;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.RuntimeExchangeException;
import org.apache.camel.component.sql.DefaultSqlPrepareStatementStrategy;
import org.apache.camel.component.sql.SqlEndpoint;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.support.ExchangeHelper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares every {@code sql:} step of the routes once, when its endpoint is created, for what camel-sql would
 * otherwise redo on every call:
 * <ul>
 * <li>the parameter count. Without it camel-sql asks the JDBC driver for the statement's parameter metadata, and
 * the PostgreSQL driver answers that with an extra round trip in which the server parses and describes the
 * statement again: half of PostgreSQL's CPU in the benchmark, one such trip per push;</li>
 * <li>the query with its named parameters turned into {@code ?}: camel-sql runs its regular expressions over the
 * whole query text on every call (5 % of the JVM's time in the API part of the benchmark);</li>
 * <li>the named parameters themselves, in order, each {@code ${...}} one as a Simple expression: camel-sql finds
 * them again with a regular expression on every call, looks each expression up in the Simple language's cache,
 * and converts the body to a map once per parameter (6.6 % of the API part's samples in the benchmark's first
 * cycle after the two fixes above, 1.7 % with this one).</li>
 * </ul>
 *
 * <p>All three are what camel-sql itself computes: the query as it resolves it (a {@code file:} query read,
 * placeholders replaced), named parameters replaced by its own strategy and found with its own pattern; the count
 * is then the {@code ?} the driver binds, outside quotes and comments. A step whose query depends on the message
 * ({@code :#in:} lists, the query taken from the message) keeps camel-sql's own way, as does a step with no
 * parameters. A wrong count cannot pass silently: camel-sql fails the call with "Number of parameters mismatch".
 */
public class SqlSteps implements EndpointStrategy {

    private final CamelContext context;

    public SqlSteps(CamelContext context) {
        this.context = context;
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        if (endpoint instanceof SqlEndpoint sql && sql.getParametersCount() == 0 && !sql.isUseMessageBodyForSql()
                && sql.getPrepareStatementStrategy() == null && sql.getQuery() != null) {
            try {
                String query = SqlHelper.resolveQuery(context, sql.getQuery(),
                        sql.isUsePlaceholder() ? sql.getPlaceholder() : null);
                if (!query.contains("in:")) {
                    String prepared = new DefaultSqlPrepareStatementStrategy(sql.getSeparator())
                            .prepareQuery(query, sql.isAllowNamedParameters(), null);
                    int count = count(prepared);
                    if (count > 0) {
                        sql.setParametersCount(count);
                        sql.setPrepareStatementStrategy(new PreparedOnce(sql.getSeparator(), query,
                                sql.isAllowNamedParameters(), prepared).withParameters(context));
                    }
                }
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot read the query of " + uri + ": " + e.getMessage(), e);
            }
        }
        return endpoint;
    }

    /**
     * camel-sql's own strategy, with the step's query prepared once and, once {@link #withParameters} has run, its
     * named parameters read once. Another query text (a CamelSqlQuery header) is prepared the usual way.
     */
    static final class PreparedOnce extends DefaultSqlPrepareStatementStrategy {

        /** camel-sql's own pattern for a named parameter, once its placeholder {@code #} is turned into {@code ?}. */
        private static final String NAME = "\\w+|\\$\\{[^\\}]+\\}|\\$simple\\{[^\\}]+\\}";
        private static final Pattern NAMED = Pattern.compile("\\:\\?((in\\:(" + NAME + "))|(" + NAME + "))");
        private static final String MISSING
                = "Cannot find key [%s] in message body or headers to use when setting named parameter in query [%s]";

        private final String query;
        private final boolean allowNamedParameters;
        private final String prepared;
        private List<Parameter> parameters;

        PreparedOnce(char separator, String query, boolean allowNamedParameters, String prepared) {
            super(separator);
            this.query = query;
            this.allowNamedParameters = allowNamedParameters;
            this.prepared = prepared;
        }

        /**
         * Reads the query's named parameters once. Left as camel-sql does it: a query without named parameters, and
         * one whose parameters nest braces ({@code ${array[${index}]}}), which camel-sql's pattern does not end
         * where the parameter ends.
         */
        PreparedOnce withParameters(CamelContext context) {
            if (!allowNamedParameters) {
                return this;
            }
            List<Parameter> found = new ArrayList<>();
            Matcher matcher = NAMED.matcher(query);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (name.startsWith("in:") || name.chars().filter(c -> c == '{').count()
                        != name.chars().filter(c -> c == '}').count()) {
                    return this;
                }
                boolean simple = (name.startsWith("${") || name.startsWith("$simple{")) && name.endsWith("}");
                Expression expression = simple ? context.resolveLanguage("simple").createExpression(name) : null;
                found.add(new Parameter(name, expression));
            }
            parameters = found.isEmpty() ? null : List.copyOf(found);
            return this;
        }

        @Override
        public String prepareQuery(String sql, boolean allowNamed, Exchange exchange) throws SQLException {
            if (allowNamed == allowNamedParameters && query.equals(sql)) {
                return prepared;
            }
            return super.prepareQuery(sql, allowNamed, exchange);
        }

        /**
         * The parameters' values in order, as camel-sql finds them: a Simple expression evaluated on the exchange
         * with {@code value} as its body, a plain name looked up in {@code value} as a map, then the headers, then
         * the variables.
         */
        @Override
        public Iterator<?> createPopulateIterator(String sql, String preparedQuery, int expectedParams,
                                                  Exchange exchange, Object value) throws SQLException {
            if (parameters == null || !query.equals(sql)) {
                return super.createPopulateIterator(sql, preparedQuery, expectedParams, exchange, value);
            }
            Object[] values = new Object[parameters.size()];
            Exchange withBody = null;
            Map<?, ?> bodyMap = null;
            for (int i = 0; i < values.length; i++) {
                Parameter parameter = parameters.get(i);
                if (parameter.expression() != null) {
                    if (withBody == null) {
                        withBody = withBody(exchange, value);
                    }
                    values[i] = parameter.expression().evaluate(withBody, Object.class);
                    continue;
                }
                if (bodyMap == null) {
                    Map<?, ?> map = exchange.getContext().getTypeConverter().tryConvertTo(Map.class, exchange, value);
                    bodyMap = map == null ? Map.of() : map;
                }
                String name = parameter.name();
                if (bodyMap.containsKey(name)) {
                    values[i] = bodyMap.get(name);
                } else if (exchange.getIn().getHeaders().containsKey(name)) {
                    values[i] = exchange.getIn().getHeader(name);
                } else if (exchange.getVariables().containsKey(name)) {
                    values[i] = exchange.getVariables().get(name);
                } else {
                    throw new RuntimeExchangeException(String.format(MISSING, name, sql), exchange);
                }
            }
            return Arrays.asList(values).iterator();
        }

        /**
         * The exchange whose body is {@code value}: the exchange itself when that is its body (a step's own call),
         * a copy with that body otherwise (one row of a batch), as camel-sql evaluates it.
         */
        private static Exchange withBody(Exchange exchange, Object value) {
            if (value == null || value == exchange.getIn().getBody()) {
                return exchange;
            }
            Exchange copy = ExchangeHelper.createCopy(exchange, true);
            copy.getMessage().setBody(value);
            return copy;
        }

        private record Parameter(String name, Expression expression) {
        }
    }

    /**
     * The parameters the PostgreSQL driver binds in a JDBC statement: each {@code ?} outside string literals,
     * quoted identifiers, dollar-quoted strings and comments; {@code ??} is the escaped operator, not a parameter.
     * -1 when the text cannot be read with certainty (an unterminated quote or comment).
     */
    public static int count(String sql) {
        int count = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                // a doubled quote inside a literal or identifier is the quote itself: skip past both
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (sql.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                if (depth > 0) {
                    return -1;
                }
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int tagEnd = sql.indexOf('$', i + 1);
                String tag = tagEnd < 0 ? null : sql.substring(i, tagEnd + 1);
                if (tag != null && tag.chars().skip(1).limit(tag.length() - 2L)
                        .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                        && (tag.length() == 2 || !Character.isDigit(tag.charAt(1)))) {
                    int end = sql.indexOf(tag, tagEnd + 1);
                    if (end < 0) {
                        return -1;
                    }
                    i = end + tag.length();
                } else {
                    i++;
                }
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    i += 2;
                } else {
                    count++;
                    i++;
                }
            } else {
                i++;
            }
        }
        return count;
    }
}
