package org.animalexports.partner;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One partner as declared in {@code partner-config/<code>.yaml}: transport, capabilities, value maps and feed layout.
 */
public record PartnerConfig(
        String code,
        String name,
        Transport transport,
        Endpoint endpoint,
        Capabilities capabilities,
        Statuses statuses,
        DescriptionRules description,
        FeedLayout feed,
        Map<String, ValueMap> maps,
        Map<String, BreedRules> breeds,
        Api api) {

    public enum Transport {
        ftp, ftps, sftp, http;

        public boolean isFileTransfer() {
            return this != http;
        }
    }

    public enum ValueTranslation {
        /** Values are written in the partner's vocabulary. */
        @JsonProperty("in-feed")
        IN_FEED,
        /** Values the maps know are written as ours, and their translations go into the partner's import.cfg. */
        @JsonProperty("import-cfg")
        IMPORT_CFG
    }

    /**
     * Where the partner is; sftpPort is used by accounts that switch to sftp (default 22). {@code stepwise}: true
     * for a file server that takes only plain file names in uploads, so the upload changes into each directory
     * first; unset or false: paths are sent as they are, fewer commands.
     */
    public record Endpoint(String host, Integer port, Boolean passiveMode, String baseUrl, Integer sftpPort,
                           Boolean stepwise) {
    }

    /** What the partner accepts; {@code species}, when given, are the only species it lists. */
    public record Capabilities(boolean linksInDescription, int maxPictures, List<String> species) {

        public boolean listsSpecies(String name) {
            return species == null || species.isEmpty() || species.contains(name);
        }
    }

    public record Statuses(Map<String, String> listed, String adopted, boolean sendAdopted) {

        /** The partner's status for ours, or null when an animal of that status is not listed. */
        public String partnerStatus(String status) {
            if ("Adopted".equals(status)) {
                return sendAdopted ? adopted : null;
            }
            return listed.get(status);
        }

        /** Our statuses in which an animal is listed at the partner: those {@link #partnerStatus} maps. */
        public List<String> listedStatuses() {
            return Stream.concat(listed.keySet().stream(), Stream.of("Adopted")).distinct()
                    .filter(status -> partnerStatus(status) != null).toList();
        }
    }

    public record DescriptionRules(String lineBreak, int maxLength, String tooLong) {

        public boolean truncates() {
            return !"reject".equals(tooLong);
        }
    }

    public record FeedLayout(String maxAge, ValueTranslation valueTranslation, List<FeedFileLayout> files) {

        public Duration maxAgeDuration() {
            return Duration.parse(maxAge);
        }
    }

    /** One file of a feed: a CSV file with columns, or an Adopt-a-Pet import.cfg describing another file's columns. */
    public record FeedFileLayout(String path, boolean header, String importCfgFor, List<Column> columns) {
    }

    /** A feed column: its header name, which of our values fills it, and the value map applied to it. */
    public record Column(String name, String value, String map, List<String> onlyForSpecies) {
    }

    /**
     * An HTTP/JSON partner: how it authenticates, the requests it takes (body templates with {placeholders}),
     * which request withdraws an animal in which status, and how organisation accounts are requested.
     */
    public record Api(Auth auth, Map<String, ApiRequest> requests, Withdraw withdraw, Accounts accounts) {
    }

    /** The token goes into a header ({@code header} + {@code value} template) or into the body templates as {secret}. */
    public record Auth(String header, String value) {
    }

    /** One request: method, path template under the base URL, JSON body template, and what to keep of the answer. */
    public record ApiRequest(String method, String path, com.fasterxml.jackson.databind.JsonNode body, String keepRef) {
    }

    /** The request that withdraws an animal, by our status; {@code otherwise} for every other reason. */
    public record Withdraw(Map<String, String> byStatus, String otherwise) {

        public String requestFor(String status) {
            return byStatus != null && status != null && byStatus.containsKey(status) ? byStatus.get(status) : otherwise;
        }
    }

    /** Account requests: the request and status-check request names, where the answer keeps id and status. */
    public record Accounts(String request, String status, String idPointer, String statusPointer,
                           Map<String, String> statuses) {
    }

    /** Our values to the partner's; with no fallback an unknown value rejects the animal. */
    public record ValueMap(Map<String, String> values, String fallback) {
    }

    /** The partner's breed names for one species, aliases from ours, and what an unknown primary breed becomes. */
    public record BreedRules(String fallback, List<String> names, Map<String, String> aliases, boolean fallbackToSpecies) {

        public boolean passesThrough() {
            return (names == null || names.isEmpty()) && (aliases == null || aliases.isEmpty());
        }
    }
}
