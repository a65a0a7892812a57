package org.animalexports.animal;

import java.time.LocalDate;
import java.time.Period;

/**
 * Derives an age group from a birth date when the animal has none: Baby under 1 year, Young under 3,
 * Adult under 8, Senior from 8 years on.
 */
public final class AgeGroups {

    private AgeGroups() {
    }

    public static String of(String ageGroup, LocalDate birthDate, LocalDate today) {
        if (ageGroup != null && !ageGroup.isBlank()) {
            return ageGroup;
        }
        if (birthDate == null || birthDate.isAfter(today)) {
            return "";
        }
        int years = Period.between(birthDate, today).getYears();
        if (years < 1) {
            return "Baby";
        }
        if (years < 3) {
            return "Young";
        }
        if (years < 8) {
            return "Adult";
        }
        return "Senior";
    }
}
