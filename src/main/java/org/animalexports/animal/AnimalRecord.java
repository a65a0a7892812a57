package org.animalexports.animal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
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

    private static final JsonFactory JSON = new JsonFactory();

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
        // A streaming read: the column is an array of {url, version} objects (V6's export_animals), read once per
        // animal and partner, where a tree of nodes per picture was a tenth of building a feed.
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("pictures column is not a JSON array: " + json);
            }
            List<Picture> pictures = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String url = "";
                long version = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("url".equals(field)) {
                        url = value == JsonToken.VALUE_NULL ? "" : parser.getValueAsString("");
                    } else if ("version".equals(field)) {
                        version = parser.getValueAsLong(0);
                    } else {
                        parser.skipChildren();
                    }
                }
                pictures.add(new Picture(url, version));
            }
            return pictures;
        } catch (IOException e) {
            throw new IllegalArgumentException("pictures column is not the expected JSON array", e);
        }
    }
}
