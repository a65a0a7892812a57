package org.animalexports.feed;

import org.animalexports.animal.AnimalRecord;
import org.animalexports.animal.DescriptionEnricher;
import org.animalexports.animal.ListingValues;
import org.animalexports.animal.MappingException;
import org.animalexports.animal.OrgProfile;
import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.PartnerRegistry;
import org.animalexports.partner.ValueMaps;
import org.animalexports.state.ContentHash;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Builds one organisation's feed for one FTP partner from the rows of routes/sql/select-feed-animals.sql (the
 * organisation's animals for all its FTP partners: those deselected for this one are left out), following the
 * partner's file layout. An animal that cannot be mapped is left out and reported; the rest go out.
 *
 * <p>In: body = the animal rows, property {@code account} = the partner account row (with its organisation).
 * Out: body = the feed files; headers {@code feedHash}, {@code feedBytes}, {@code listedCount},
 * {@code rejectedCount}, and what routes/sql/record-feed-listings.sql records, as arrays in the same order (bound
 * as PostgreSQL arrays): {@code listedIds}, {@code listedHashes}, {@code listedRows} for the listings (the ids are
 * also what the mass-removal guard compares), {@code rejectedIds}, {@code rejectedFields},
 * {@code rejectedMessages} for the rejections.
 *
 * <p>Arrays rather than one JSON document: writing the rows as JSON (escaping every CSV row) was 12 % of the FTP
 * part's JVM samples in the benchmark's first export, and PostgreSQL parsed it all back again.
 */
public class FeedBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FeedBuilder.class);
    private static final Pattern SAFE_PATH_PART = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern COMMA = Pattern.compile(",");

    private final PartnerRegistry partners;
    private final DescriptionEnricher descriptions;
    private final Clock clock;

    public FeedBuilder(PartnerRegistry partners, DescriptionEnricher descriptions, Clock clock) {
        this.partners = partners;
        this.descriptions = descriptions;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public void build(Exchange exchange) {
        Map<String, Object> account = exchange.getProperty("account", Map.class);
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        OrganisationFeeds.Animals kept = exchange.getProperty(OrganisationFeeds.ANIMALS, OrganisationFeeds.Animals.class);
        Feed feed = rows == null ? build(account, List.of())
                : kept != null && kept.getRows() == rows ? build(account, rows, kept::record)
                : build(account, rows);
        exchange.getMessage().setBody(feed.files());
        exchange.getMessage().setHeader("feedHash", feed.contentHash());
        exchange.getMessage().setHeader("feedBytes", feed.bytes());
        exchange.getMessage().setHeader("listedCount", feed.listings().size());
        exchange.getMessage().setHeader("rejectedCount", feed.rejections().size());
        List<Listing> listings = feed.listings();
        int listed = listings.size();
        long[] ids = new long[listed];
        String[] hashes = new String[listed];
        String[] listedRows = new String[listed];
        for (int i = 0; i < listed; i++) {
            ids[i] = listings.get(i).id();
            hashes[i] = listings.get(i).hash();
            listedRows[i] = listings.get(i).row();
        }
        exchange.getMessage().setHeader("listedIds", ids);
        exchange.getMessage().setHeader("listedHashes", hashes);
        exchange.getMessage().setHeader("listedRows", listedRows);
        List<Rejection> rejections = feed.rejections();
        exchange.getMessage().setHeader("rejectedIds", rejections.stream().mapToLong(Rejection::id).toArray());
        exchange.getMessage().setHeader("rejectedFields", rejections.stream().map(Rejection::field).toArray(String[]::new));
        exchange.getMessage().setHeader("rejectedMessages", rejections.stream().map(Rejection::message).toArray(String[]::new));
    }

    public Feed build(Map<String, Object> account, List<Map<String, Object>> rows) {
        return build(account, rows, index -> AnimalRecord.fromRow(rows.get(index)));
    }

    /** @param records the row at an index as a record (the organisation's feeds share what an earlier one read) */
    private Feed build(Map<String, Object> account, List<Map<String, Object>> rows, IntFunction<AnimalRecord> records) {
        PartnerConfig partner = partners.get((String) account.get("partner_code"));
        OrgProfile org = OrgProfile.fromRow(account);
        LocalDate today = LocalDate.now(clock);
        List<PartnerConfig.FeedFileLayout> layouts = partner.feed().files();

        List<Listing> listings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        List<StringBuilder> contents = new ArrayList<>();
        for (PartnerConfig.FeedFileLayout layout : layouts) {
            StringBuilder content = new StringBuilder();
            if (layout.importCfgFor() == null && layout.header()) {
                content.append(CsvRow.of(layout.columns().stream().map(PartnerConfig.Column::name).toList()));
            }
            contents.add(content);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!deselectedFor(rows.get(i), partner.code())) { // deselected: leaving it out removes it there, and only there
                add(records.apply(i), partner, org, today, layouts, contents, listings, rejections);
            }
        }

        List<FeedFile> files = new ArrayList<>();
        MessageDigest digest = ContentHash.newDigest();
        for (int i = 0; i < layouts.size(); i++) {
            PartnerConfig.FeedFileLayout layout = layouts.get(i);
            String text = layout.importCfgFor() != null
                    ? ImportCfg.of(partner, layouts.stream().filter(l -> l.path().equals(layout.importCfgFor())).findFirst().orElseThrow())
                    : contents.get(i).toString();
            FeedFile file = file(layout.path(), account, partner, text.getBytes(StandardCharsets.UTF_8));
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content());
            files.add(file);
        }
        return new Feed(files, listings, rejections, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * One animal's rows appended to the feed's files, or its rejection noted. A method of its own rather than the
     * body of the loop in {@link #build(Map, List)}: as the loop's body, the JIT compiler compiled the whole loop
     * on the stack (OSR) three times in the benchmark's first cycle, 0.4 to 0.5 s of compiler time each.
     */
    private void add(AnimalRecord animal, PartnerConfig partner, OrgProfile org, LocalDate today,
                     List<PartnerConfig.FeedFileLayout> layouts, List<StringBuilder> contents, List<Listing> listings,
                     List<Rejection> rejections) {
        if (partner.statuses().partnerStatus(animal.status()) == null) {
            return; // not listed in this status: leaving it out removes it at the partner
        }
        try {
            Map<String, String> values = ListingValues.of(animal, org, partner, descriptions, today);
            StringBuilder animalRows = new StringBuilder();
            List<String> built = new ArrayList<>();
            for (PartnerConfig.FeedFileLayout layout : layouts) {
                built.add(layout.importCfgFor() == null ? CsvRow.of(cells(layout, values, partner)) : "");
            }
            for (int i = 0; i < layouts.size(); i++) {
                contents.get(i).append(built.get(i));
                animalRows.append(built.get(i));
            }
            String rows = animalRows.toString();
            listings.add(new Listing(animal.id(), ContentHash.sha256(rows, 16), rows));
        } catch (MappingException e) {
            LOG.warn("Animal {} of organisation {} left out of the {} feed: field {}: {}",
                    animal.id(), org.id(), partner.code(), e.field(), e.problem());
            rejections.add(new Rejection(animal.id(), e.field(), e.problem()));
        }
    }

    /** Whether the row's {@code deselected_for} (comma-separated partner codes) names this partner. */
    static boolean deselectedFor(Map<String, Object> row, String partnerCode) {
        Object deselected = row.get("deselected_for");
        if (deselected == null || deselected.toString().isEmpty()) {
            return false;
        }
        for (String code : COMMA.split(deselected.toString())) {
            if (code.equals(partnerCode)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> cells(PartnerConfig.FeedFileLayout layout, Map<String, String> values, PartnerConfig partner)
            throws MappingException {
        boolean keepOurs = partner.feed().valueTranslation() == PartnerConfig.ValueTranslation.IMPORT_CFG;
        String species = values.get("species");
        List<String> cells = new ArrayList<>(layout.columns().size());
        for (PartnerConfig.Column column : layout.columns()) {
            if (column.value() == null
                    || (column.onlyForSpecies() != null && !column.onlyForSpecies().contains(species))) {
                cells.add("");
                continue;
            }
            String value = values.getOrDefault(column.value(), "");
            if (column.map() == null) {
                cells.add(value);
                continue;
            }
            cells.add(ValueMaps.apply(partner, column.map(), column.value(), value, "column " + column.name(), keepOurs));
        }
        return cells;
    }

    /** The file's place from its path template; the account id becomes part of a path, so it must be a plain name. */
    private static FeedFile file(String template, Map<String, Object> account, PartnerConfig partner, byte[] content) {
        String path = template;
        if (template.contains("{account_id}")) {
            Object accountId = account.get("account_id");
            if (accountId == null || !SAFE_PATH_PART.matcher(accountId.toString()).matches()) {
                throw new IllegalArgumentException("Partner account of organisation " + account.get("org_id") + " at "
                        + partner.code() + ": field account_id " + (accountId == null ? "is missing" : "'" + accountId
                        + "' is not a plain file name (letters, digits, . _ -)") + "; the feed file " + template + " needs it");
            }
            path = template.replace("{account_id}", accountId.toString());
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? new FeedFile("", path, content) : new FeedFile(path.substring(0, slash), path.substring(slash + 1), content);
    }
}
