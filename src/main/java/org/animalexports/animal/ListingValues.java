package org.animalexports.animal;

import org.animalexports.partner.PartnerConfig;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values a partner's feed columns can name ({@code value:} in partner-config), computed for one animal and
 * one partner: breeds, status and description already follow the partner's rules; the rest is our vocabulary,
 * which the columns' value maps translate.
 */
public final class ListingValues {

    /** Every name a column may use as its {@code value}. */
    public static final List<String> NAMES;

    private static final int MAX_PHOTOS = 10;
    private static final Pattern COLOR_SEPARATOR = Pattern.compile("\\s*(/|,|&|\\band\\b)\\s*");
    private static final Pattern BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    static {
        List<String> names = new ArrayList<>(List.of("id", "name", "species", "breed", "breed2", "mixed", "purebred",
                "sex", "size", "age", "description", "status", "shots_current", "altered", "housetrained", "declawed",
                "special_needs", "special_needs_notes", "ok_with_dogs", "ok_with_cats", "ok_with_kids", "color",
                "color2", "color3", "color_text", "coat_length", "adoption_fee", "fee_displayed", "fee_waived",
                "arrival_date", "birth_date", "video"));
        for (int i = 1; i <= MAX_PHOTOS; i++) {
            names.add("photo" + i);
        }
        NAMES = List.copyOf(names);
    }

    private ListingValues() {
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /**
     * @return the values by name; a value that is unknown (null in the database) is the empty string
     * @throws MappingException when the animal cannot be listed at this partner as it is
     */
    public static Map<String, String> of(AnimalRecord animal, OrgProfile org, PartnerConfig partner,
                                         DescriptionEnricher descriptions, LocalDate today) throws MappingException {
        if (animal.name() == null || animal.name().isBlank()) {
            throw new MappingException("name", "is empty");
        }
        String status = partner.statuses().partnerStatus(animal.status());
        if (status == null) {
            throw new MappingException("status", "'" + animal.status() + "' is not listed at " + partner.code());
        }
        boolean keepOurNames = partner.feed() != null
                && partner.feed().valueTranslation() == PartnerConfig.ValueTranslation.IMPORT_CFG;
        BreedResolver.Breeds breeds = BreedResolver.resolve(animal, partner, keepOurNames);

        Map<String, String> v = new HashMap<>();
        v.put("id", Long.toString(animal.id()));
        v.put("name", singleLine(animal.name()));
        v.put("species", text(animal.species()));
        v.put("breed", singleLine(breeds.primary()));
        v.put("breed2", singleLine(breeds.secondary()));
        v.put("mixed", Boolean.toString(breeds.mixed()));
        v.put("purebred", Boolean.toString(!breeds.mixed() && !breeds.primaryIsFallback()));
        v.put("sex", text(animal.sex()));
        v.put("size", text(animal.size()));
        v.put("age", AgeGroups.of(animal.ageGroup(), animal.birthDate(), today));
        v.put("description", descriptions.describe(animal, org, partner));
        v.put("status", status);
        v.put("shots_current", flag(animal.shotsCurrent()));
        v.put("altered", flag(animal.altered()));
        v.put("housetrained", flag(animal.housetrained()));
        v.put("declawed", flag(animal.declawed()));
        v.put("special_needs", flag(animal.specialNeeds()));
        v.put("special_needs_notes", singleLine(HtmlText.toPlainText(animal.specialNeedsNotes())));
        v.put("ok_with_dogs", flag(animal.okWithDogs()));
        v.put("ok_with_cats", flag(animal.okWithCats()));
        v.put("ok_with_kids", flag(animal.okWithKids()));
        List<String> colors = colors(animal.color());
        v.put("color", colors.size() > 0 ? colors.get(0) : "");
        v.put("color2", colors.size() > 1 ? colors.get(1) : "");
        v.put("color3", colors.size() > 2 ? colors.get(2) : "");
        v.put("color_text", singleLine(animal.color()));
        v.put("coat_length", text(animal.coatLength()));
        BigDecimal fee = animal.adoptionFee();
        if (fee != null && fee.signum() < 0) {
            throw new MappingException("adoption_fee", "is negative (" + fee.toPlainString() + ")");
        }
        v.put("adoption_fee", fee == null ? "" : fee.toPlainString());
        v.put("fee_displayed", Boolean.toString(fee != null));
        v.put("fee_waived", Boolean.toString(fee != null && fee.signum() == 0));
        v.put("arrival_date", date(animal.arrivalDate()));
        v.put("birth_date", date(animal.birthDate()));
        int maxPictures = Math.min(MAX_PHOTOS, partner.capabilities().maxPictures());
        List<Picture> pictures = animal.pictures();
        for (int i = 1; i <= MAX_PHOTOS; i++) {
            v.put("photo" + i, i <= maxPictures && i <= pictures.size() ? pictureUrl(pictures.get(i - 1), i) : "");
        }
        v.put("video", singleLine(animal.videoUrl()));
        return v;
    }

    private static String pictureUrl(Picture picture, int position) throws MappingException {
        String url = picture.url() == null ? "" : picture.url().trim();
        if (!(url.startsWith("https://") || url.startsWith("http://")) || url.chars().anyMatch(c -> c <= ' ' || c == '"')) {
            throw new MappingException("picture " + position, "'" + singleLine(url) + "' is not an http(s) URL");
        }
        return new Picture(url, picture.version()).cacheBustedUrl();
    }

    /** "Black/White", "black and tan", "Brown, White & Grey" -> up to three colours. */
    static List<String> colors(String color) {
        if (color == null || color.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : COLOR_SEPARATOR.split(color)) {
            String c = singleLine(part);
            if (!c.isEmpty() && out.size() < 3) {
                out.add(Character.toUpperCase(c.charAt(0)) + c.substring(1));
            }
        }
        return out;
    }

    private static String flag(Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** Feed cells other than the description never carry line breaks or control characters. */
    static String singleLine(String s) {
        if (s == null) {
            return "";
        }
        String out = s;
        if (hasLineBreakOrControl(out)) {
            out = BREAKS_AND_CONTROLS.matcher(out).replaceAll(" ");
        }
        return HtmlText.collapseSpaces(out).trim();
    }

    /** Whether {@link #BREAKS_AND_CONTROLS} can match: a C0 or C1 control character, or U+2028 / U+2029. */
    private static boolean hasLineBreakOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || (c >= '\u007f' && c <= '\u009f') || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
