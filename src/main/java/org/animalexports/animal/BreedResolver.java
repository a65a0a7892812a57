package org.animalexports.animal;

import org.animalexports.partner.PartnerConfig;

import java.util.Map;

/**
 * Maps an animal's breeds to one partner's breed names: an unknown primary breed becomes the species' fallback,
 * an unknown secondary breed becomes blank and marks the animal mixed.
 */
public final class BreedResolver {

    /** The breeds as written to the partner, and whether the primary one is a fallback. */
    public record Breeds(String primary, String secondary, boolean mixed, boolean primaryIsFallback) {
    }

    private BreedResolver() {
    }

    /**
     * @param keepOurNames true where the partner's import.cfg translates aliases itself: an alias is then written
     *                     as our name
     */
    public static Breeds resolve(AnimalRecord animal, PartnerConfig partner, boolean keepOurNames) throws MappingException {
        PartnerConfig.BreedRules rules = rulesFor(partner, animal.species());
        String primary = known(animal.primaryBreed(), rules, keepOurNames);
        boolean primaryIsFallback = false;
        if (primary == null) {
            primary = fallback(animal, rules, partner);
            primaryIsFallback = true;
        }
        boolean mixed = animal.mixed();
        String secondary = "";
        if (!blank(animal.secondaryBreed()) && !animal.secondaryBreed().trim().equalsIgnoreCase(nullToEmpty(animal.primaryBreed()).trim())) {
            String known = known(animal.secondaryBreed(), rules, keepOurNames);
            if (known == null) {
                mixed = true;
            } else {
                secondary = known;
                mixed = true;
            }
        }
        return new Breeds(primary, secondary, mixed, primaryIsFallback);
    }

    /** The rules for a species, falling back to the {@code *} entry; null when the partner declares no breeds. */
    public static PartnerConfig.BreedRules rulesFor(PartnerConfig partner, String species) {
        Map<String, PartnerConfig.BreedRules> breeds = partner.breeds();
        if (breeds == null) {
            return null;
        }
        PartnerConfig.BreedRules rules = breeds.get(species);
        return rules != null ? rules : breeds.get("*");
    }

    private static String known(String breed, PartnerConfig.BreedRules rules, boolean keepOurNames) {
        if (blank(breed)) {
            return null;
        }
        String name = breed.trim();
        if (rules == null || rules.passesThrough()) {
            return name;
        }
        if (rules.names() != null && rules.names().contains(name)) {
            return name;
        }
        if (rules.aliases() != null && rules.aliases().containsKey(name)) {
            return keepOurNames ? name : rules.aliases().get(name);
        }
        return null;
    }

    private static String fallback(AnimalRecord animal, PartnerConfig.BreedRules rules, PartnerConfig partner)
            throws MappingException {
        if (rules != null && rules.fallback() != null) {
            return rules.fallback();
        }
        if (rules == null || rules.fallbackToSpecies()) {
            return animal.species();
        }
        throw new MappingException("primary_breed", "'" + nullToEmpty(animal.primaryBreed()) + "' is not a "
                + partner.code() + " breed for species " + animal.species() + " and there is no fallback");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
