package org.animalexports.partner;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.animalexports.animal.ListingValues;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every {@code <code>.yaml} of the partner-config folder and validates it, so that a broken file stops
 * start-up with a message naming the file and the key instead of failing an export later.
 */
public class PartnerConfigLoader {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public List<PartnerConfig> loadAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PartnerConfigException(folder.toString(), null, "partner-config folder not found");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<PartnerConfig> partners = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                partners.add(load(file));
            }
            if (partners.isEmpty()) {
                throw new PartnerConfigException(folder.toString(), null, "no partner files (<code>.yaml) found");
            }
            return partners;
        } catch (IOException e) {
            throw new PartnerConfigException(folder.toString(), null, "cannot list partner files: " + e.getMessage(), e);
        }
    }

    public PartnerConfig load(Path file) {
        String name = file.toString();
        PartnerConfig config;
        try {
            config = yaml.readValue(file.toFile(), PartnerConfig.class);
        } catch (JsonMappingException e) {
            throw new PartnerConfigException(name, keyOf(e.getPath()), e.getOriginalMessage().lines().findFirst().orElse("invalid value")
                    + location(e), e);
        } catch (JacksonException e) {
            throw new PartnerConfigException(name, null, "not valid YAML: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new PartnerConfigException(name, null, "cannot read: " + e.getMessage(), e);
        }
        if (config == null) {
            throw new PartnerConfigException(name, null, "file is empty");
        }
        String expectedCode = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        new Validation(name, config).check(expectedCode);
        return config;
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String keyOf(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!key.isEmpty()) {
                    key.append('.');
                }
                key.append(ref.getFieldName());
            }
        }
        return key.toString();
    }

    /** The checks a YAML schema cannot express: references between sections and required keys per transport. */
    private record Validation(String file, PartnerConfig config) {

        void check(String expectedCode) {
            require(config.code(), "code");
            if (!config.code().equals(expectedCode)) {
                fail("code", "'" + config.code() + "' must match the file name '" + expectedCode + "'");
            }
            require(config.name(), "name");
            if (config.transport() == null) {
                fail("transport", "missing (one of ftp, ftps, sftp, http)");
            }
            if (config.endpoint() == null) {
                fail("endpoint", "missing");
            }
            if (config.statuses() == null || config.statuses().listed() == null || config.statuses().listed().isEmpty()) {
                fail("statuses.listed", "missing: at least one listed status is needed");
            }
            if (config.statuses().sendAdopted()) {
                require(config.statuses().adopted(), "statuses.adopted");
            }
            if (config.capabilities() == null) {
                fail("capabilities", "missing");
            }
            checkDescription();
            checkMaps();
            checkBreeds();
            if (config.transport().isFileTransfer()) {
                require(config.endpoint().host(), "endpoint.host");
                if (config.endpoint().port() == null || config.endpoint().port() < 1 || config.endpoint().port() > 65535) {
                    fail("endpoint.port", "missing or not a port number");
                }
                checkFeed();
            } else {
                checkApi();
            }
        }

        private void checkApi() {
            require(config.endpoint().baseUrl(), "endpoint.base-url");
            PartnerConfig.Api api = config.api();
            if (api == null) {
                fail("api", "missing: an http partner needs its requests");
            }
            if (api.requests() == null || !api.requests().containsKey("upsert")) {
                fail("api.requests.upsert", "missing: the request that creates or updates a listing");
            }
            api.requests().forEach((name, request) -> {
                String key = "api.requests." + name;
                if (request == null) {
                    fail(key, "empty");
                }
                require(request.method(), key + ".method");
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(request.method())) {
                    fail(key + ".method", "'" + request.method() + "' is not GET, POST, PUT, PATCH or DELETE");
                }
                require(request.path(), key + ".path");
                checkPlaceholders(key + ".path", request.path());
                if (request.body() != null) {
                    checkBody(key + ".body", request.body());
                }
            });
            if (api.withdraw() == null || api.withdraw().otherwise() == null) {
                fail("api.withdraw.otherwise", "missing: the request that withdraws a listing");
            }
            checkRequestName("api.withdraw.otherwise", api.withdraw().otherwise());
            if (api.withdraw().byStatus() != null) {
                api.withdraw().byStatus().forEach((status, request) -> checkRequestName("api.withdraw.by-status." + status, request));
            }
            if (api.accounts() != null) {
                checkRequestName("api.accounts.request", api.accounts().request());
                checkRequestName("api.accounts.status", api.accounts().status());
                require(api.accounts().idPointer(), "api.accounts.id-pointer");
                require(api.accounts().statusPointer(), "api.accounts.status-pointer");
            }
            if (api.auth() != null && api.auth().header() != null) {
                require(api.auth().value(), "api.auth.value");
            }
        }

        private void checkRequestName(String key, String name) {
            if (name == null || !config.api().requests().containsKey(name)) {
                fail(key, "no request named '" + name + "' under api.requests (requests: "
                        + String.join(", ", config.api().requests().keySet()) + ")");
            }
        }

        private void checkBody(String key, com.fasterxml.jackson.databind.JsonNode node) {
            if (node.isTextual()) {
                checkPlaceholders(key, node.textValue());
            } else if (node.isObject()) {
                node.fields().forEachRemaining(f -> checkBody(key + "." + f.getKey(), f.getValue()));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    checkBody(key + "[" + i + "]", node.get(i));
                }
            }
        }

        private void checkPlaceholders(String key, String template) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}]*)}").matcher(template);
            while (m.find()) {
                String[] parts = m.group(1).replace("?", "").split("\\|");
                if (!org.animalexports.api.ApiValues.isKnown(parts[0].trim())) {
                    fail(key, "unknown placeholder {" + m.group(1) + "}");
                }
                if (parts.length > 1 && (config.maps() == null || !config.maps().containsKey(parts[1].trim()))) {
                    fail(key, "placeholder {" + m.group(1) + "} names no value map '" + parts[1].trim() + "'");
                }
            }
        }

        private void checkDescription() {
            PartnerConfig.DescriptionRules rules = config.description();
            if (rules == null) {
                fail("description", "missing");
            }
            if (rules.lineBreak() == null) {
                fail("description.line-break", "missing");
            }
            if (rules.maxLength() < 100) {
                fail("description.max-length", "must be at least 100, is " + rules.maxLength());
            }
            if (rules.tooLong() != null && !List.of("truncate", "reject").contains(rules.tooLong())) {
                fail("description.too-long", "must be truncate or reject, is '" + rules.tooLong() + "'");
            }
        }

        private void checkMaps() {
            if (config.maps() == null) {
                return;
            }
            for (Map.Entry<String, PartnerConfig.ValueMap> map : config.maps().entrySet()) {
                if (map.getValue() == null || map.getValue().values() == null) {
                    fail("maps." + map.getKey() + ".values", "missing");
                }
            }
        }

        private void checkBreeds() {
            if (config.breeds() == null) {
                return;
            }
            for (Map.Entry<String, PartnerConfig.BreedRules> entry : config.breeds().entrySet()) {
                PartnerConfig.BreedRules rules = entry.getValue();
                String key = "breeds." + entry.getKey();
                if (rules == null || (rules.fallback() == null && !rules.fallbackToSpecies())) {
                    fail(key + ".fallback", "missing: an unknown primary breed needs a fallback (or fallback-to-species: true)");
                }
                if (rules.names() != null && rules.fallback() != null && !rules.names().contains(rules.fallback())) {
                    fail(key + ".fallback", "'" + rules.fallback() + "' is not one of the partner's breed names");
                }
                if (rules.aliases() != null && rules.names() != null) {
                    rules.aliases().forEach((ours, theirs) -> {
                        if (!rules.names().contains(theirs)) {
                            fail(key + ".aliases." + ours, "'" + theirs + "' is not one of the partner's breed names");
                        }
                    });
                }
            }
        }

        private void checkFeed() {
            PartnerConfig.FeedLayout feed = config.feed();
            if (feed == null) {
                fail("feed", "missing: a " + config.transport() + " partner needs a feed layout");
            }
            require(feed.maxAge(), "feed.max-age");
            try {
                if (Duration.parse(feed.maxAge()).isNegative()) {
                    fail("feed.max-age", "must not be negative");
                }
            } catch (DateTimeParseException e) {
                fail("feed.max-age", "'" + feed.maxAge() + "' is not an ISO-8601 duration such as PT24H");
            }
            if (feed.valueTranslation() == null) {
                fail("feed.value-translation", "missing (in-feed or import-cfg)");
            }
            if (feed.files() == null || feed.files().isEmpty()) {
                fail("feed.files", "missing: at least one file");
            }
            List<String> paths = feed.files().stream().map(PartnerConfig.FeedFileLayout::path).toList();
            for (int i = 0; i < feed.files().size(); i++) {
                PartnerConfig.FeedFileLayout layout = feed.files().get(i);
                String key = "feed.files[" + i + "]";
                require(layout.path(), key + ".path");
                if (layout.importCfgFor() != null) {
                    if (!paths.contains(layout.importCfgFor())) {
                        fail(key + ".import-cfg-for", "no feed file with path '" + layout.importCfgFor() + "'");
                    }
                    continue;
                }
                if (layout.columns() == null || layout.columns().isEmpty()) {
                    fail(key + ".columns", "missing: a CSV file needs columns");
                }
                for (int c = 0; c < layout.columns().size(); c++) {
                    checkColumn(layout.columns().get(c), key + ".columns[" + c + "]");
                }
            }
        }

        private void checkColumn(PartnerConfig.Column column, String key) {
            require(column.name(), key + ".name");
            if (column.value() != null && !ListingValues.isKnown(column.value())) {
                fail(key + ".value", "unknown value '" + column.value() + "' (known: " + String.join(", ", ListingValues.NAMES) + ")");
            }
            if (column.map() != null && (config.maps() == null || !config.maps().containsKey(column.map()))) {
                String known = config.maps() == null ? "none" : config.maps().keySet().stream().sorted().collect(Collectors.joining(", "));
                fail(key + ".map", "no value map named '" + column.map() + "' (maps: " + known + ")");
            }
        }

        private void require(String value, String key) {
            if (value == null || value.isBlank()) {
                fail(key, "missing");
            }
        }

        private void fail(String key, String problem) {
            throw new PartnerConfigException(file, key, problem);
        }
    }
}
