package org.animalexports.partner;

import org.animalexports.ExportsConfiguration;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** partner-config files are validated at start-up; a broken one names its file and key. */
class PartnerConfigTest {

    private final PartnerConfigLoader loader = new PartnerConfigLoader();

    @Test
    void shippedPartnerFilesLoad() {
        List<PartnerConfig> partners = loader.loadAll(Path.of("partner-config"));

        assertThat(partners).extracting(PartnerConfig::code).contains("adoptapet", "petfinder");
        PartnerConfig petfinder = partners.stream().filter(p -> p.code().equals("petfinder")).findFirst().orElseThrow();
        assertThat(petfinder.feed().files().get(0).columns()).hasSize(39);
        assertThat(petfinder.capabilities().linksInDescription()).isFalse();
    }

    @Test
    void hostPortAndProtocolCanBeOverridden() {
        Map<String, String> props = Map.of("partners.petfinder.host", "127.0.0.1", "partners.petfinder.port", "2121",
                "partners.petfinder.protocol", "ftps");
        PartnerRegistry registry = new PartnerRegistry(loader.loadAll(Path.of("partner-config")),
                key -> Optional.ofNullable(props.get(key)));

        PartnerConfig petfinder = registry.get("petfinder");
        assertThat(petfinder.endpoint().host()).isEqualTo("127.0.0.1");
        assertThat(petfinder.endpoint().port()).isEqualTo(2121);
        assertThat(petfinder.transport()).isEqualTo(PartnerConfig.Transport.ftps);
        assertThat(registry.get("adoptapet").endpoint().host()).isEqualTo("autoupload.adoptapet.com");
    }

    @Test
    void apiPartnersListWhatTheirFilesSay() {
        PartnerRegistry registry = new PartnerRegistry(loader.loadAll(Path.of("partner-config")), key -> Optional.empty());

        assertThat(registry.apiListable()).isEqualTo("{\"petrescue\":{\"statuses\":[\"Available\"]},"
                + "\"savourlife\":{\"statuses\":[\"Available\"],\"species\":[\"Dog\"]}}");
        Map<String, String> props = Map.of("partners.petrescue.send-adopted", "true");
        assertThat(new PartnerRegistry(loader.loadAll(Path.of("partner-config")), key -> Optional.ofNullable(props.get(key)))
                .apiListable()).startsWith("{\"petrescue\":{\"statuses\":[\"Available\",\"Adopted\"]}");
    }

    @Test
    void unknownValueMapIsNamedWithFileAndKey(@TempDir Path dir) throws IOException {
        Path file = brokenCopy(dir, "{ name: Sex, value: sex, map: sex }", "{ name: Sex, value: sex, map: gender }");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(PartnerConfigException.class)
                .hasMessage(file + ": feed.files[0].columns[5].map: no value map named 'gender' "
                        + "(maps: age, coat, color, flag, not-good-with, sex, size, species)");
    }

    @Test
    void unknownKeyIsNamedWithItsPath(@TempDir Path dir) throws IOException {
        Path file = brokenCopy(dir, "  links-in-description: false", "  links-in-descriptions: false");

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith(file + ": capabilities.links-in-descriptions: Unrecognized field");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = brokenCopy(dir, "  max-pictures: 6", "  max-pictures: [6");

        assertThatThrownBy(() -> loader.load(file))
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("(line ");
    }

    @Test
    void unknownColumnValueAndBadDurationAreRefused(@TempDir Path dir) throws IOException {
        Path value = brokenCopy(dir, "{ name: Desc, value: description }", "{ name: Desc, value: descr }");
        assertThatThrownBy(() -> loader.load(value)).hasMessageStartingWith(value + ": feed.files[0].columns[8].value: unknown value 'descr'");

        Path age = brokenCopy(dir, "max-age: PT24H", "max-age: 24 hours");
        assertThatThrownBy(() -> loader.load(age)).hasMessageStartingWith(age + ": feed.max-age: '24 hours' is not an ISO-8601 duration");
    }

    @Test
    void serviceDoesNotStartWithABrokenPartnerFile(@TempDir Path dir) throws IOException {
        Path file = brokenCopy(dir, "  port: 21", "  port: twenty-one");
        Main main = new Main();
        main.configure().addConfiguration(new ExportsConfiguration());
        main.addOverrideProperty("exports.partner-config-dir", dir.toString());
        main.addOverrideProperty("camel.management.enabled", "false");
        main.addOverrideProperty("exports.db.url", "jdbc:postgresql://127.0.0.1:1/never-reached");

        assertThatThrownBy(main::start)
                .hasStackTraceContaining(file + ": endpoint.port: Cannot deserialize value of type `java.lang.Integer` from String \"twenty-one\"");
        main.stop();
    }

    private static Path brokenCopy(Path dir, String original, String broken) throws IOException {
        String text = Files.readString(Path.of("partner-config/petfinder.yaml"));
        assertThat(text).contains(original);
        Path file = dir.resolve("petfinder.yaml");
        Files.writeString(file, text.replace(original, broken));
        return file;
    }
}
