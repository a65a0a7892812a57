package org.animalexports.feed;

import org.animalexports.animal.AnimalRecord;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the FTP partner accounts a cycle claimed by organisation (routes/export-cycle.camel.yaml), so that one
 * organisation's feeds are built one after the other from one read of its animals
 * (routes/sql/select-feed-animals.sql) instead of one read per partner.
 *
 * <p>Each group is a map: {@code org_id}, {@code accounts} (the claimed account rows, in the order claimed) and
 * {@code animals} (an {@link Animals} that the first feed of the group fills and the others read). The route keeps
 * the group's {@code animals} in the exchange property {@code orgAnimals} while the group's feeds run.
 */
public class OrganisationFeeds {

    public static final String ANIMALS = "orgAnimals";

    /** @param accounts the rows of routes/sql/claim-feed-accounts.sql */
    public List<Map<String, Object>> byOrganisation(List<Map<String, Object>> accounts) {
        Map<Object, List<Map<String, Object>>> byOrg = new LinkedHashMap<>();
        for (Map<String, Object> account : accounts) {
            byOrg.computeIfAbsent(account.get("org_id"), org -> new ArrayList<>()).add(account);
        }
        List<Map<String, Object>> groups = new ArrayList<>(byOrg.size());
        byOrg.forEach((org, rows) -> {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("org_id", org);
            group.put("accounts", rows);
            group.put("animals", new Animals());
            groups.add(group);
        });
        return groups;
    }

    /** After the read of the organisation's animals: keeps the rows in the body for the organisation's other feeds. */
    @SuppressWarnings("unchecked")
    public void keep(Exchange exchange) {
        Animals animals = exchange.getProperty(ANIMALS, Animals.class);
        if (animals != null) {
            animals.keep(exchange.getMessage().getBody(List.class));
        }
    }

    /** Puts the organisation's animals, as an earlier feed of the organisation read them, in the body. */
    public void take(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getProperty(ANIMALS, Animals.class).getRows());
    }

    /**
     * Once every feed of the organisation ran: lets go of its rows. The cycle's split holds every group until the
     * last organisation is done, so the rows would otherwise stay in memory for the whole cycle.
     */
    public void done(Exchange exchange) {
        Animals animals = exchange.getProperty(ANIMALS, Animals.class);
        if (animals != null) {
            animals.keep(null);
        }
        exchange.removeProperty(ANIMALS);
    }

    /**
     * An organisation's animal rows once read in this cycle. The feeds of one organisation run one after the other,
     * so the second reads what the first kept; a feed whose read failed keeps nothing, and the next one reads again.
     */
    public static final class Animals {

        private volatile List<Map<String, Object>> rows;
        private volatile AnimalRecord[] records;

        public boolean isRead() {
            return rows != null;
        }

        public List<Map<String, Object>> getRows() {
            return rows;
        }

        public void keep(List<Map<String, Object>> rows) {
            this.records = rows == null ? null : new AnimalRecord[rows.size()];
            this.rows = rows;
        }

        /**
         * The row at {@code index} of {@link #getRows()} as a record, read from the row the first time a feed asks
         * (reading a row was 6 % of the FTP part in the benchmark, done once per FTP partner before). The feeds run
         * one after the other; were two to race, a row would be read twice, and a record is immutable.
         */
        public AnimalRecord record(int index) {
            AnimalRecord[] known = records;
            AnimalRecord record = known[index];
            if (record == null) {
                record = AnimalRecord.fromRow(rows.get(index));
                known[index] = record;
            }
            return record;
        }
    }
}
