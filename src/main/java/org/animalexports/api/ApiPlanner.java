package org.animalexports.api;

import org.animalexports.animal.AnimalRecord;
import org.animalexports.animal.DescriptionEnricher;
import org.animalexports.animal.ListingValues;
import org.animalexports.animal.MappingException;
import org.animalexports.animal.OrgProfile;
import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.PartnerRegistry;
import org.animalexports.state.ContentHash;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides what one API partner should hear about one animal, from a row of routes/sql/select-api-candidates.sql:
 * push the listing when what the partner would receive differs from what it last acknowledged; withdraw it, once,
 * when any switch, the status or the species says it must not be listed; otherwise nothing.
 *
 * <p>Out: header {@code apiAction} = push | withdraw | reject | none; for push and withdraw the request in
 * properties (see {@link ApiRequestBuilder}); for reject the reason in header {@code failureMessage}.
 */
public class ApiPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPlanner.class);

    private final PartnerRegistry partners;
    private final DescriptionEnricher descriptions;
    private final ApiRequestBuilder requests;
    private final Clock clock;

    public ApiPlanner(PartnerRegistry partners, DescriptionEnricher descriptions, ApiRequestBuilder requests, Clock clock) {
        this.partners = partners;
        this.descriptions = descriptions;
        this.requests = requests;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public void plan(Exchange exchange) {
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        PartnerConfig partner = partners.get((String) row.get("partner_code"));
        long animalId = ((Number) row.get("id")).longValue();
        long orgId = ((Number) row.get("org_id")).longValue();
        String partnerRef = (String) row.get("partner_ref");
        boolean listed = "listed".equals(row.get("export_state"));
        exchange.setProperty("animalId", animalId);
        exchange.setProperty("orgId", orgId);
        exchange.setProperty("partnerCode", partner.code());
        exchange.setProperty("account", row);
        exchange.setProperty("deadLetterKind", "animal");
        exchange.setProperty("changedAt", row.get("changed_at"));
        exchange.getMessage().setHeader("apiAction", "none");

        Refusal refusal = refusal(row, partner);
        if (refusal == null) {
            try {
                AnimalRecord animal = AnimalRecord.fromRow(row);
                Map<String, String> listing = ListingValues.of(animal, OrgProfile.fromRow(row), partner, descriptions,
                        LocalDate.now(clock));
                Map<String, Object> values = ApiValues.forAnimal(listing, partner.capabilities().maxPictures(), row, partnerRef);
                PartnerConfig.ApiRequest upsert = partner.api().requests().get("upsert");
                ApiRequestBuilder.Rendered payload = requests.payload(partner, upsert, values);
                String hash = hash(requests.fingerprint(partner, upsert, values, payload));
                if ((listed && hash.equals(row.get("payload_hash"))) || hash.equals(row.get("refused_hash"))) {
                    return; // the partner has this payload already, or refused exactly this one
                }
                requests.prepare(exchange, partner, "upsert", values, hash, payload);
                exchange.setProperty("newState", "listed");
                exchange.getMessage().setHeader("apiAction", "push");
            } catch (MappingException e) {
                LOG.warn("Animal {} of organisation {} not pushed to {}: field {}: {}",
                        animalId, orgId, partner.code(), e.field(), e.problem());
                exchange.getMessage().setHeader("failureMessage", e.getMessage());
                exchange.getMessage().setHeader("apiAction", "reject");
            }
            return;
        }
        if (!listed) {
            return;
        }
        String requestName = refusal.byStatus()
                ? partner.api().withdraw().requestFor((String) row.get("status"))
                : partner.api().withdraw().otherwise();
        Map<String, Object> values = new HashMap<>(ApiValues.forAccount(row));
        values.put("id", animalId);
        values.put("partner_ref", partnerRef == null ? null
                : partnerRef.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(partnerRef) : partnerRef);
        try {
            requests.prepare(exchange, partner, requestName, values, null, null);
        } catch (MappingException e) {
            exchange.getMessage().setHeader("failureMessage", e.getMessage());
            exchange.getMessage().setHeader("apiAction", "reject");
            return;
        }
        exchange.setProperty("newState", "withdrawn");
        exchange.setProperty("withdrawReason", refusal.reason());
        exchange.getMessage().setHeader("apiAction", "withdraw");
    }

    /** Why the animal must not be listed at this partner now, or null when it must be. */
    private static Refusal refusal(Map<String, Object> row, PartnerConfig partner) {
        if (Boolean.TRUE.equals(row.get("animal_missing"))) {
            return new Refusal("animal deleted", false);
        }
        if (!Boolean.TRUE.equals(row.get("api_exports_enabled"))) {
            return new Refusal("API exports switched off for the organisation", false);
        }
        if (!Boolean.TRUE.equals(row.get("account_enabled"))) {
            return new Refusal("partner switched off for the organisation", false);
        }
        if (!Boolean.TRUE.equals(row.get("export_enabled"))) {
            return new Refusal("animal export switched off", false);
        }
        if (!Boolean.TRUE.equals(row.get("selected"))) {
            return new Refusal("animal deselected for this partner", false);
        }
        if (!partner.capabilities().listsSpecies((String) row.get("species"))) {
            return new Refusal("partner does not list " + row.get("species"), false);
        }
        if (partner.statuses().partnerStatus((String) row.get("status")) == null) {
            return new Refusal("status " + row.get("status"), true);
        }
        return null;
    }

    private record Refusal(String reason, boolean byStatus) {
    }

    private static String hash(String fingerprint) {
        return ContentHash.sha256(fingerprint, 32);
    }
}
