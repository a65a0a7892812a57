package org.animalexports.routes;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every route file in routes/ loads in the build; a YAML mistake is reported with its file and line. */
class RouteFilesTest {

    static Stream<Path> routeFiles() throws IOException {
        return Files.list(Path.of("routes")).filter(p -> p.toString().endsWith(".camel.yaml")).sorted();
    }

    private static int load(Path file) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + file));
            ModelCamelContext model = context;
            return model.getRouteDefinitions().size() + model.getRouteConfigurationDefinitions().size();
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void routeFileLoads(Path file) throws Exception {
        assertThat(load(file)).as(file + " defines routes").isPositive();
    }

    @Test
    void everyRouteFileIsChecked() throws IOException {
        assertThat(routeFiles().map(p -> p.getFileName().toString())).contains("export-cycle.camel.yaml",
                "ftp-feed.camel.yaml", "api-push.camel.yaml", "api-sync.camel.yaml", "error-handling.camel.yaml",
                "status-api.camel.yaml");
    }

    @Test
    void yamlMistakeNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("ftp-feed.camel.yaml");
        String text = Files.readString(Path.of("routes/ftp-feed.camel.yaml"));
        Files.writeString(broken, text.replace("            ref: feedBuilder", "            reff: feedBuilder"));

        assertThatThrownBy(() -> load(broken))
                .hasStackTraceContaining("ftp-feed.camel.yaml")
                .hasStackTraceContaining("line")
                .hasStackTraceContaining("reff");
    }
}
