package org.animalexports.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.animalexports.animal.MappingException;
import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.ValueMaps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int PARSED_TEXTS = 10_000; // templates come from partner files: few; never grow without bound

    /** Template texts split into literals and placeholders, parsed once each. */
    private final Map<String, Text> parsed = new ConcurrentHashMap<>();
    /** The value names each body template uses, read once per template. */
    private final Map<Identity, Set<String>> names = new ConcurrentHashMap<>();

    public JsonNode body(JsonNode template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        if (template == null || template.isNull()) {
            return null;
        }
        Object rendered = render(template, values, partner, "body");
        return rendered == OMIT ? JsonNodeFactory.instance.objectNode() : (JsonNode) rendered;
    }

    /** A template text, parsed (once: later calls get the same parts). */
    private Text parsed(String template) {
        Text known = parsed.get(template);
        if (known != null) {
            return known;
        }
        Text text = Text.parse(template);
        if (parsed.size() < PARSED_TEXTS) {
            parsed.put(template, text);
        }
        return text;
    }

    /** The value names a body template's placeholders use (read once per template, then remembered). */
    public Set<String> names(JsonNode template) {
        if (template == null) {
            return Set.of();
        }
        return names.computeIfAbsent(new Identity(template), key -> {
            Set<String> found = new HashSet<>();
            collectNames(template, found);
            return Set.copyOf(found);
        });
    }

    /** Whether a text template (a path, a header's value) has a placeholder for this value. */
    public boolean uses(String template, String name) {
        for (Object part : parsed(template).parts()) {
            if (part instanceof Spec spec && spec.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** A path template; every value is URL-encoded as one path segment. */
    public String path(String template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        StringBuilder out = new StringBuilder();
        for (Object part : parsed(template).parts()) {
            if (part instanceof Spec spec) {
                String value = text(resolve(spec, values, partner, "path"));
                if (value.isEmpty()) {
                    throw new MappingException(spec.name(), "is empty but the request path " + template + " needs it");
                }
                out.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /** A header value template, such as {@code Token token={secret}}. */
    public String text(String template, Map<String, Object> values, PartnerConfig partner) throws MappingException {
        return fill(parsed(template), values, partner, "header");
    }

    private String fill(Text text, Map<String, Object> values, PartnerConfig partner, String where)
            throws MappingException {
        StringBuilder out = new StringBuilder();
        for (Object part : text.parts()) {
            out.append(part instanceof Spec spec ? text(resolve(spec, values, partner, where)) : (String) part);
        }
        return out.toString();
    }

    private Object render(JsonNode node, Map<String, Object> values, PartnerConfig partner, String where)
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
        Text text = parsed(node.textValue());
        if (text.whole() != null) {
            Spec spec = text.whole();
            Object value = resolve(spec, values, partner, where);
            if (spec.optional() && isEmpty(value)) {
                return OMIT;
            }
            return json(value);
        }
        return text.parts().size() == 1 && text.parts().get(0) instanceof String ? node
                : JsonNodeFactory.instance.textNode(fill(text, values, partner, where));
    }

    /** A value as JSON, as Jackson would write it; the common types without Jackson's serializer lookup. */
    private static JsonNode json(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (value instanceof Collection<?> items) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Object item : items) {
                out.add(json(item));
            }
            return out;
        }
        return JSON.valueToTree(value);
    }

    private void collectNames(JsonNode node, Set<String> names) {
        if (node.isContainerNode()) {
            node.forEach(child -> collectNames(child, names));
        } else if (node.isTextual()) {
            parsed(node.textValue()).parts().stream().filter(Spec.class::isInstance)
                    .forEach(part -> names.add(((Spec) part).name()));
        }
    }

    private static void addIfPresent(ArrayNode out, JsonNode element) {
        if (!element.isNull() && !(element.isTextual() && element.textValue().isEmpty())) {
            out.add(element);
        }
    }

    private static Object resolve(Spec spec, Map<String, Object> values, PartnerConfig partner, String where)
            throws MappingException {
        Object value = values.get(spec.name());
        if (spec.map() != null) {
            return ValueMaps.apply(partner, spec.map(), spec.name(), text(value), "request key " + where, false);
        }
        return value;
    }

    /** One placeholder: {@code name}, {@code name|map}, {@code name?}. */
    private record Spec(String name, String map, boolean optional) {

        static Spec parse(String spec) {
            String[] parts = spec.replace("?", "").split("\\|");
            return new Spec(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null, spec.endsWith("?"));
        }
    }

    /**
     * A template text split into literal strings and placeholders. {@code whole}: the placeholder when it is the
     * whole text (then the value keeps its JSON type).
     */
    private record Text(List<Object> parts, Spec whole) {

        static Text parse(String template) {
            Matcher whole = PLACEHOLDER.matcher(template);
            if (whole.matches()) {
                Spec spec = Spec.parse(whole.group(1));
                return new Text(List.of(spec), spec);
            }
            List<Object> parts = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    parts.add(template.substring(at, m.start()));
                }
                parts.add(Spec.parse(m.group(1)));
                at = m.end();
            }
            if (at < template.length() || parts.isEmpty()) {
                parts.add(template.substring(at));
            }
            return new Text(List.copyOf(parts), null);
        }
    }

    /** A template node as a map key by identity: a parsed partner file's nodes live as long as its config. */
    private record Identity(JsonNode node) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity o && o.node == node;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(node);
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isEmpty()) || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
