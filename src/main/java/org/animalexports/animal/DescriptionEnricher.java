package org.animalexports.animal;

import org.animalexports.partner.PartnerConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the description one partner receives (SPEC section 4): public foster contact on top, the animal's own
 * text as plain text, links to the animal's page and the homepage at the end where allowed, then the partner's
 * line-break encoding and length limit.
 */
public class DescriptionEnricher {

    private static final String ELLIPSIS = "\u2026";
    private static final int CACHED_TEXTS = 1_024;
    private static final int CACHED_LENGTH = 3_000; // at most about 12 MB held

    /**
     * Recent descriptions as plain text. The same description is converted for every partner close together in
     * time (both feeds of an organisation, both API partners of an animal): this saves most of the regex passes.
     */
    private final Map<String, String> recentPlainText = new ConcurrentHashMap<>();

    public String describe(AnimalRecord animal, OrgProfile org, PartnerConfig partner) throws MappingException {
        PartnerConfig.DescriptionRules rules = partner.description();
        boolean html = "<br>".equalsIgnoreCase(rules.lineBreak().trim()) || rules.lineBreak().contains("<");
        String header = fosterContact(animal);
        String body = plainText(animal.description());
        String footer = links(animal, org, partner);

        String encodedHeader = encode(header, rules.lineBreak(), html);
        String encodedFooter = encode(footer, rules.lineBreak(), html);
        String paragraph = encode("\n\n", rules.lineBreak(), html);
        int fixed = encodedHeader.length() + encodedFooter.length()
                + (header.isEmpty() ? 0 : paragraph.length()) + (footer.isEmpty() ? 0 : paragraph.length());
        String encodedBody = encode(body, rules.lineBreak(), html);
        if (fixed + encodedBody.length() > rules.maxLength()) {
            if (!rules.truncates()) {
                throw new MappingException("description", "is " + (fixed + encodedBody.length())
                        + " characters, " + partner.code() + " takes at most " + rules.maxLength());
            }
            encodedBody = encode(fit(body, rules.maxLength() - fixed, rules.lineBreak(), html), rules.lineBreak(), html);
        }
        return Stream.of(encodedHeader, encodedBody, encodedFooter)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(paragraph));
    }

    private String plainText(String description) {
        if (description == null || description.length() > CACHED_LENGTH) {
            return HtmlText.toPlainText(description);
        }
        String known = recentPlainText.get(description);
        if (known != null) {
            return known;
        }
        String plain = HtmlText.toPlainText(description);
        if (recentPlainText.size() >= CACHED_TEXTS) {
            recentPlainText.clear();
        }
        recentPlainText.put(description, plain);
        return plain;
    }

    private static String fosterContact(AnimalRecord animal) {
        if (!animal.fosterContactPublic()) {
            return "";
        }
        String contact = Stream.of(animal.fosterName(), animal.fosterPhone(), animal.fosterEmail())
                .filter(s -> s != null && !s.isBlank())
                .map(s -> HtmlText.toPlainText(s).replace('\n', ' '))
                .collect(Collectors.joining(", "));
        return contact.isEmpty() ? "" : "Contact my foster: " + contact;
    }

    private static String links(AnimalRecord animal, OrgProfile org, PartnerConfig partner) {
        if (!org.websiteService() || !org.descriptionLinksEnabled() || !partner.capabilities().linksInDescription()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        String page = org.animalPageUrl(animal.id());
        if (page != null) {
            lines.add("Meet " + HtmlText.toPlainText(animal.name()).replace('\n', ' ') + ": " + page);
        }
        if (org.homepageUrl() != null && !org.homepageUrl().isBlank()) {
            lines.add("More from " + (org.name() == null ? "us" : org.name()) + ": " + org.homepageUrl());
        }
        return String.join("\n", lines);
    }

    private static String encode(String plain, String lineBreak, boolean html) {
        String text = html ? HtmlText.escape(plain) : plain;
        return text.replace("\n", lineBreak);
    }

    /** The longest prefix of the text, cut at a word, whose encoding with an ellipsis fits the budget. */
    private static String fit(String body, int budget, String lineBreak, boolean html) {
        if (budget <= ELLIPSIS.length()) {
            return "";
        }
        int low = 0;
        int high = body.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (encode(body.substring(0, mid), lineBreak, html).length() + ELLIPSIS.length() <= budget) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        String cut = body.substring(0, low);
        if (Character.isHighSurrogate(cut.isEmpty() ? ' ' : cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        int lastSpace = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
        if (lastSpace > cut.length() / 2) {
            cut = cut.substring(0, lastSpace);
        }
        return cut.stripTrailing() + ELLIPSIS;
    }
}
