package org.animalexports.animal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One animal as selected for export, with its foster contact, pictures (in position order) and first video. */
public record AnimalRecord(
        long id, long orgId, String name, String species, String primaryBreed, String secondaryBreed, boolean mixed,
        String sex, LocalDate birthDate, String ageGroup, String size, String color, String coatLength,
        String description, String status, Boolean altered, Boolean shotsCurrent, Boolean housetrained,
        Boolean declawed, Boolean specialNeeds, String specialNeedsNotes, Boolean okWithDogs, Boolean okWithCats,
        Boolean okWithKids, BigDecimal adoptionFee, LocalDate arrivalDate, String fosterName, String fosterEmail,
        String fosterPhone, boolean fosterContactPublic, List<Picture> pictures, String videoUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a row of routes/sql/select-feed-animals.sql. */
    public static AnimalRecord fromRow(Map<String, Object> row) {
        return new AnimalRecord(
                ((Number) row.get("id")).longValue(),
                ((Number) row.get("org_id")).longValue(),
                (String) row.get("name"),
                (String) row.get("species"),
                (String) row.get("primary_breed"),
                (String) row.get("secondary_breed"),
                Boolean.TRUE.equals(row.get("mixed")),
                (String) row.get("sex"),
                date(row.get("birth_date")),
                (String) row.get("age_group"),
                (String) row.get("size"),
                (String) row.get("color"),
                (String) row.get("coat_length"),
                (String) row.get("description"),
                (String) row.get("status"),
                (Boolean) row.get("altered"),
                (Boolean) row.get("shots_current"),
                (Boolean) row.get("housetrained"),
                (Boolean) row.get("declawed"),
                (Boolean) row.get("special_needs"),
                (String) row.get("special_needs_notes"),
                (Boolean) row.get("ok_with_dogs"),
                (Boolean) row.get("ok_with_cats"),
                (Boolean) row.get("ok_with_kids"),
                (BigDecimal) row.get("adoption_fee"),
                date(row.get("arrival_date")),
                (String) row.get("foster_name"),
                (String) row.get("foster_email"),
                (String) row.get("foster_phone"),
                Boolean.TRUE.equals(row.get("foster_contact_public")),
                pictures((String) row.get("pictures")),
                (String) row.get("video_url"));
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Date sqlDate) {
            return sqlDate.toLocalDate();
        }
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        return LocalDate.parse(value.toString());
    }

    private static List<Picture> pictures(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<Picture> pictures = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json)) {
                pictures.add(new Picture(node.path("url").asText(), node.path("version").asLong()));
            }
            return pictures;
        } catch (Exception e) {
            throw new IllegalArgumentException("pictures column is not the expected JSON array", e);
        }
    }
}
