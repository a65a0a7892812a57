package org.animalexports.support;

import org.animalexports.ExportsConfiguration;
import org.apache.camel.main.Main;

import java.util.LinkedHashMap;
import java.util.Map;

/** The real service as a Camel Main, pointed at a test database, with no schedule and no management server. */
public final class TestServices {

    private TestServices() {
    }

    /** @param overrides more properties, applied after the defaults here */
    public static Main main(String databaseUrl, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("exports.db.url", databaseUrl);
        properties.put("exports.db.user", "postgres");
        properties.put("exports.db.password", "postgres");
        properties.put("exports.preview", "false");
        properties.put("camel.management.enabled", "false");
        properties.put("exports.scheduler-enabled", "false");
        properties.putAll(overrides);
        Main main = new Main();
        main.configure().addConfiguration(new ExportsConfiguration());
        main.configure().withRoutesIncludePattern("file:routes/*.camel.yaml");
        properties.forEach(main::addOverrideProperty);
        return main;
    }
}
