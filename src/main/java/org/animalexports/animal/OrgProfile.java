package org.animalexports.animal;

import java.util.Map;

/** What description enrichment needs to know of an organisation. */
public record OrgProfile(long id, String name, String homepageUrl, String animalPageUrlTemplate,
                         boolean websiteService, boolean descriptionLinksEnabled) {

    public static OrgProfile fromRow(Map<String, Object> row) {
        return new OrgProfile(
                ((Number) row.get("org_id")).longValue(),
                (String) row.get("org_name"),
                (String) row.get("homepage_url"),
                (String) row.get("animal_page_url_template"),
                Boolean.TRUE.equals(row.get("website_service")),
                Boolean.TRUE.equals(row.get("description_links_enabled")));
    }

    /** The animal's own page on the organisation's website, or null when there is no template. */
    public String animalPageUrl(long animalId) {
        if (animalPageUrlTemplate == null || animalPageUrlTemplate.isBlank()) {
            return null;
        }
        return animalPageUrlTemplate.replace("{id}", Long.toString(animalId));
    }
}
