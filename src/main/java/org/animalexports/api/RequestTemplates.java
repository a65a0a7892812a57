package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.animalexports.animal.MappingException;
import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.ValueMaps;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a partner-config request template: {@code {name}} is a value, {@code {name|map}} a value through one of the
 * partner's value maps, and {@code {name?}} as a whole JSON value leaves the key out while the value is empty.
 * Empty strings and nulls are dropped from lists.
 */
public final class RequestTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object OMIT = new Object();

    private RequestTemplates() {
    }

    public static JsonNode body(JsonNode template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        if (template == null || template.isNull()) {
            return null;
        }
        Object rendered = render(template, values, partner, "body");
        return rendered == OMIT ? JsonNodeFactory.instance.objectNode() : (JsonNode) rendered;
    }

    /** A path template; every value is URL-encoded as one path segment. */
    public static String path(String template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = text(resolve(m.group(1), values, partner, "path"));
            if (value.isEmpty()) {
                throw new MappingException(name(m.group(1)), "is empty but the request path " + template + " needs it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A header value template, such as {@code Token token={secret}}. */
    public static String text(String template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(resolve(m.group(1), values, partner, "header"))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object render(JsonNode node, Map<String, Object> values, PartnerConfig partner, String where)
            throws MappingException {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Object value = render(field.getValue(), values, partner, field.getKey());
                if (value != OMIT) {
                    out.set(field.getKey(), (JsonNode) value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) {
                Object value = render(item, values, partner, where);
                if (value == OMIT) {
                    continue;
                }
                JsonNode json = (JsonNode) value;
                if (json.isArray()) {
                    json.forEach(element -> addIfPresent(out, element));
                } else {
                    addIfPresent(out, json);
                }
            }
            return out;
        }
        if (!node.isTextual()) {
            return node;
        }
        String text = node.textValue();
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            String spec = whole.group(1);
            Object value = resolve(spec, values, partner, where);
            if (spec.endsWith("?") && isEmpty(value)) {
                return OMIT;
            }
            return JSON.valueToTree(value);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(text(resolve(m.group(1), values, partner, where))));
        }
        m.appendTail(out);
        return JsonNodeFactory.instance.textNode(out.toString());
    }

    private static void addIfPresent(ArrayNode out, JsonNode element) {
        if (!element.isNull() && !(element.isTextual() && element.textValue().isEmpty())) {
            out.add(element);
        }
    }

    private static Object resolve(String spec, Map<String, Object> values, PartnerConfig partner, String where)
            throws MappingException {
        String[] parts = spec.replace("?", "").split("\\|");
        String name = parts[0].trim();
        Object value = values.get(name);
        if (parts.length > 1) {
            return ValueMaps.apply(partner, parts[1].trim(), name, text(value), "request key " + where, false);
        }
        return value;
    }

    private static String name(String spec) {
        return spec.replace("?", "").split("\\|")[0].trim();
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isEmpty()) || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
