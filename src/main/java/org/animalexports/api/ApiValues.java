package org.animalexports.api;

import org.animalexports.animal.ListingValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an API partner's request templates can name: every feed value of {@link ListingValues}, plus lists
 * ({@code photos}, {@code breeds}), {@code is_male}, the account's {@code account_id}, {@code secret} and
 * {@code partner_ref} (the partner's id for the animal), and the organisation's {@code org.*} contact fields.
 * A placeholder that is a whole JSON value keeps the value's JSON type (number, boolean, list, null).
 */
public final class ApiValues {

    private static final Set<String> EXTRA = Set.of("photos", "breeds", "is_male", "secret", "account_id", "partner_ref",
            "org.name", "org.email", "org.phone", "org.city", "org.state", "org.postal_code", "org.country");
    private static final Set<String> BOOLEANS = Set.of("mixed", "purebred", "shots_current", "altered", "housetrained",
            "declawed", "special_needs", "ok_with_dogs", "ok_with_cats", "ok_with_kids", "fee_displayed", "fee_waived");

    private ApiValues() {
    }

    public static boolean isKnown(String name) {
        return ListingValues.isKnown(name) || EXTRA.contains(name);
    }

    /** Typed values for an animal's request: the listing values plus the lists and the account's fields. */
    public static Map<String, Object> forAnimal(Map<String, String> listing, int maxPictures, Map<String, Object> account,
                                                String partnerRef) {
        Map<String, Object> values = new HashMap<>();
        listing.forEach((name, value) -> values.put(name, typed(name, value)));
        List<String> photos = new ArrayList<>();
        for (int i = 1; i <= maxPictures && !listing.getOrDefault("photo" + i, "").isEmpty(); i++) {
            photos.add(listing.get("photo" + i));
        }
        values.put("photos", photos);
        List<String> breeds = new ArrayList<>();
        for (String breed : List.of(listing.getOrDefault("breed", ""), listing.getOrDefault("breed2", ""))) {
            if (!breed.isEmpty()) {
                breeds.add(breed);
            }
        }
        values.put("breeds", breeds);
        String sex = listing.getOrDefault("sex", "");
        values.put("is_male", "Male".equals(sex) ? Boolean.TRUE : "Female".equals(sex) ? Boolean.FALSE : null);
        values.putAll(forAccount(account));
        values.put("partner_ref", partnerRef(partnerRef));
        return values;
    }

    /** The account's and its organisation's values, for account requests and every animal request. */
    public static Map<String, Object> forAccount(Map<String, Object> account) {
        Map<String, Object> values = new HashMap<>();
        values.put("account_id", account.get("account_id"));
        values.put("secret", account.get("secret"));
        values.put("org.name", account.get("org_name"));
        values.put("org.email", account.get("org_email"));
        values.put("org.phone", account.get("org_phone"));
        values.put("org.city", account.get("org_city"));
        values.put("org.state", account.get("org_state"));
        values.put("org.postal_code", account.get("org_postal_code"));
        values.put("org.country", account.get("org_country"));
        return values;
    }

    private static Object partnerRef(String ref) {
        if (ref == null || ref.isEmpty()) {
            return null;
        }
        return ref.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(ref) : ref;
    }

    private static Object typed(String name, String value) {
        if ("id".equals(name)) {
            return Long.parseLong(value);
        }
        if (BOOLEANS.contains(name)) {
            return value.isEmpty() ? null : Boolean.parseBoolean(value);
        }
        if ("adoption_fee".equals(name)) {
            return value.isEmpty() ? null : new BigDecimal(value);
        }
        return value;
    }
}
