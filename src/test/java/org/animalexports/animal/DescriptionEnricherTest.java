package org.animalexports.animal;

import org.animalexports.partner.PartnerConfig;
import org.animalexports.partner.PartnerConfigLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Description enrichment of SPEC section 4 and each partner's length limit. */
class DescriptionEnricherTest {

    private final DescriptionEnricher enricher = new DescriptionEnricher();
    private final PartnerConfig adoptapet = new PartnerConfigLoader().load(Path.of("partner-config/adoptapet.yaml"));
    private final OrgProfile org = new OrgProfile(1, "Happy Tails", "https://ht.example.org",
            "https://ht.example.org/a/{id}", true, true);

    private static AnimalRecord animal(String description) {
        return new AnimalRecord(5, 1, "Rex", "Dog", "Beagle", null, false, "Male", null, "Adult", "Medium", null, null,
                description, "Available", null, null, null, null, null, null, null, null, null, null, null,
                "Jane", "jane@example.org", "555-0101", true, List.of(), null);
    }

    private static PartnerConfig withLimit(PartnerConfig p, int maxLength, String tooLong) {
        return new PartnerConfig(p.code(), p.name(), p.transport(), p.endpoint(), p.capabilities(), p.statuses(),
                new PartnerConfig.DescriptionRules(p.description().lineBreak(), maxLength, tooLong), p.feed(), p.maps(), p.breeds(), p.api());
    }

    @Test
    void fosterOnTopAnimalTextThenLinks() throws MappingException {
        assertThat(enricher.describe(animal("Good <i>boy</i>."), org, adoptapet)).isEqualTo(
                "Contact my foster: Jane, 555-0101, jane@example.org<br><br>Good boy.<br><br>"
                        + "Meet Rex: https://ht.example.org/a/5<br>More from Happy Tails: https://ht.example.org");
    }

    @Test
    void overlongTextIsCutAtAWordKeepingContactAndLinks() throws MappingException {
        PartnerConfig limited = withLimit(adoptapet, 200, "truncate");
        String text = enricher.describe(animal("word ".repeat(200)), org, limited);

        assertThat(text).hasSizeLessThanOrEqualTo(200)
                .startsWith("Contact my foster: Jane")
                .contains("word\u2026<br><br>Meet Rex: https://ht.example.org/a/5")
                .endsWith("More from Happy Tails: https://ht.example.org");
    }

    @Test
    void overlongTextIsRefusedWhenThePartnerSaysReject() {
        PartnerConfig limited = withLimit(adoptapet, 200, "reject");

        assertThatThrownBy(() -> enricher.describe(animal("word ".repeat(200)), org, limited))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("description: is ")
                .hasMessageEndingWith("adoptapet takes at most 200");
    }

    @Test
    void htmlBecomesPlainText() {
        assertThat(HtmlText.toPlainText("<div>One&nbsp;&amp;&#160;two</div><ul><li>a</li><li>b</li></ul>\u0007"))
                .isEqualTo("One & two\n\n- a\n- b");
        assertThat(HtmlText.toPlainText("<style>p{}</style>Text<script>x()</script>")).isEqualTo("Text");
    }

    @Test
    void ageGroupIsDerivedFromBirthDateWhenMissing() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(AgeGroups.of(null, LocalDate.of(2026, 1, 1), today)).isEqualTo("Baby");
        assertThat(AgeGroups.of(null, LocalDate.of(2024, 1, 1), today)).isEqualTo("Young");
        assertThat(AgeGroups.of(null, LocalDate.of(2020, 1, 1), today)).isEqualTo("Adult");
        assertThat(AgeGroups.of(null, LocalDate.of(2010, 1, 1), today)).isEqualTo("Senior");
        assertThat(AgeGroups.of("Young", LocalDate.of(2010, 1, 1), today)).isEqualTo("Young");
        assertThat(AgeGroups.of(null, LocalDate.of(2030, 1, 1), today)).isEmpty();
    }

    @Test
    void coloursAreSplitIntoUpToThree() {
        assertThat(ListingValues.colors("black and tan / white, grey")).containsExactly("Black", "Tan", "White");
    }
}
