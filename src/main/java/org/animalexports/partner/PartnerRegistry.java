package org.animalexports.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The partners loaded at start-up, with each partner's host, port, protocol and base URL overridable from
 * properties or the environment ({@code partners.<code>.host}, {@code PARTNERS_<CODE>_HOST}, ...).
 */
public class PartnerRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PartnerConfig> partners = new LinkedHashMap<>();
    private final String apiListable;

    /**
     * @param configs    the partner files as loaded
     * @param properties looks a property up (Camel's properties component: system properties and environment
     *                   variables override application.properties)
     */
    public PartnerRegistry(List<PartnerConfig> configs, Function<String, Optional<String>> properties) {
        for (PartnerConfig config : configs) {
            partners.put(config.code(), withOverrides(config, properties));
        }
        apiListable = listableJson(partners.values());
    }

    /** See {@link #apiListable()}. */
    private static String listableJson(Collection<PartnerConfig> partners) {
        Map<String, Map<String, List<String>>> listable = new LinkedHashMap<>();
        for (PartnerConfig partner : partners) {
            if (!partner.transport().isFileTransfer()) {
                Map<String, List<String>> what = new LinkedHashMap<>();
                what.put("statuses", partner.statuses().listedStatuses());
                List<String> species = partner.capabilities().species();
                if (species != null && !species.isEmpty()) {
                    what.put("species", species);
                }
                listable.put(partner.code(), what);
            }
        }
        try {
            return JSON.writeValueAsString(listable);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PartnerConfig withOverrides(PartnerConfig config, Function<String, Optional<String>> properties) {
        String prefix = "partners." + config.code() + ".";
        PartnerConfig.Endpoint endpoint = config.endpoint();
        String host = properties.apply(prefix + "host").orElse(endpoint.host());
        Integer port = properties.apply(prefix + "port").map(p -> parsePort(config.code(), p)).orElse(endpoint.port());
        String baseUrl = properties.apply(prefix + "base-url").orElse(endpoint.baseUrl());
        Boolean passive = properties.apply(prefix + "passive-mode").map(Boolean::parseBoolean).orElse(endpoint.passiveMode());
        Boolean stepwise = properties.apply(prefix + "stepwise").map(Boolean::parseBoolean).orElse(endpoint.stepwise());
        Integer sftpPort = properties.apply(prefix + "sftp-port").map(p -> parsePort(config.code(), p)).orElse(endpoint.sftpPort());
        PartnerConfig.Transport transport = properties.apply(prefix + "protocol")
                .map(p -> parseTransport(config.code(), p)).orElse(config.transport());
        PartnerConfig.Statuses statuses = config.statuses();
        Optional<String> sendAdopted = properties.apply(prefix + "send-adopted");
        if (sendAdopted.isPresent()) {
            statuses = new PartnerConfig.Statuses(statuses.listed(), statuses.adopted(), Boolean.parseBoolean(sendAdopted.get()));
        }
        return new PartnerConfig(config.code(), config.name(), transport,
                new PartnerConfig.Endpoint(host, port, passive, baseUrl, sftpPort, stepwise), config.capabilities(), statuses,
                config.description(), config.feed(), config.maps(), config.breeds(), config.api());
    }

    private static int parsePort(String code, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new PartnerConfigException("partners." + code + ".port", null, "'" + value + "' is not a port number");
        }
    }

    private static PartnerConfig.Transport parseTransport(String code, String value) {
        try {
            return PartnerConfig.Transport.valueOf(value.trim().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new PartnerConfigException("partners." + code + ".protocol", null,
                    "'" + value + "' is not one of ftp, ftps, sftp, http");
        }
    }

    public PartnerConfig get(String code) {
        PartnerConfig config = partners.get(code);
        if (config == null) {
            throw new IllegalArgumentException("No partner-config file for partner '" + code + "'");
        }
        return config;
    }

    public boolean contains(String code) {
        return partners.containsKey(code);
    }

    public Collection<PartnerConfig> all() {
        return partners.values();
    }

    /**
     * What each API partner lists, as JSON for routes/sql/select-api-candidates.sql: {@code {"<code>":
     * {"statuses": [...], "species": [...]}}}, species left out where the partner takes every species. An animal
     * outside them that the partner does not list is not read: the planner would have nothing to do with it.
     */
    public String apiListable() {
        return apiListable;
    }

    /** The partners that take listings over HTTP, comma-separated for the SQL that selects accounts. */
    public String apiPartnerCodes() {
        return String.join(",", partners.values().stream()
                .filter(p -> !p.transport().isFileTransfer()).map(PartnerConfig::code).toList());
    }

    /** The partners that receive a feed file (ftp, ftps, sftp), comma-separated for the SQL that selects accounts. */
    public String feedPartnerCodes() {
        return String.join(",", partners.values().stream()
                .filter(p -> p.transport().isFileTransfer()).map(PartnerConfig::code).toList());
    }
}
