package org.animalexports.feed;

import org.animalexports.animal.BreedResolver;
import org.animalexports.partner.PartnerConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adopt-a-Pet's import.cfg: the columns of the data file in order ({@code #1:Id=Id}), each followed by the
 * translations of our values to Adopt-a-Pet's where they differ.
 */
final class ImportCfg {

    private ImportCfg() {
    }

    static String of(PartnerConfig partner, PartnerConfig.FeedFileLayout dataFile) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("; ").append(partner.name()).append(" import map for ").append(dataFile.path())
                .append(", written by animal-exports from partner-config/").append(partner.code()).append(".yaml\r\n");
        List<PartnerConfig.Column> columns = dataFile.columns();
        for (int i = 0; i < columns.size(); i++) {
            PartnerConfig.Column column = columns.get(i);
            cfg.append('#').append(i + 1).append(':').append(column.name()).append('=').append(column.name()).append("\r\n");
            translations(partner, column).forEach((ours, theirs) -> {
                if (!ours.equals(theirs) && !ours.isEmpty() && clean(ours) && clean(theirs)) {
                    cfg.append(ours).append('=').append(theirs).append("\r\n");
                }
            });
        }
        return cfg.toString();
    }

    private static Map<String, String> translations(PartnerConfig partner, PartnerConfig.Column column) {
        Map<String, String> out = new LinkedHashMap<>();
        if (column.map() != null) {
            out.putAll(partner.maps().get(column.map()).values());
        }
        if ("breed".equals(column.value()) || "breed2".equals(column.value())) {
            if (partner.breeds() != null) {
                for (String species : partner.breeds().keySet()) {
                    PartnerConfig.BreedRules rules = BreedResolver.rulesFor(partner, species);
                    if (rules != null && rules.aliases() != null) {
                        rules.aliases().forEach(out::putIfAbsent);
                    }
                }
            }
        }
        return out;
    }

    private static boolean clean(String s) {
        return s.indexOf('=') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
    }
}
