package org.animalexports.support;

import org.animalexports.ExportsConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real service (Camel Main, the YAML routes of routes/, partner-config/) against a real PostgreSQL
 * database of the test class's own and a real FTP server standing in for Petfinder and Adopt-a-Pet.
 * The schedule is off: a test runs a cycle itself with {@link #runCycle()}.
 */
public abstract class ExportTestSupport extends CamelMainTestSupport {

    protected static final String PF_USER = "nj94";
    protected static final String PF_PASSWORD = "pf-Secret-1";
    protected static final String AAP_USER = "aap1";
    protected static final String AAP_PASSWORD = "aap-Secret-2";

    private static String databaseUrl;
    private static FtpPeer ftpPeer;
    private static HttpPeer petrescuePeer;
    private static HttpPeer savourlifePeer;
    protected Fixture db;

    protected static synchronized FtpPeer ftp() {
        if (ftpPeer == null) {
            ftpPeer = new FtpPeer();
            ftpPeer.addUser(PF_USER, PF_PASSWORD);
            ftpPeer.addUser(AAP_USER, AAP_PASSWORD);
        }
        return ftpPeer;
    }

    /** The stand-in for PetRescue: answers listings with their partner id, accounts as active. */
    protected static synchronized HttpPeer petrescue() {
        if (petrescuePeer == null) {
            petrescuePeer = new HttpPeer();
        }
        return petrescuePeer;
    }

    /** The stand-in for SavourLife: SetAnimal answers a DogId of 5000 + Code. */
    protected static synchronized HttpPeer savourlife() {
        if (savourlifePeer == null) {
            savourlifePeer = new HttpPeer();
        }
        return savourlifePeer;
    }

    /** The partners' usual answers; a test scripts others with enqueue. */
    protected static void defaultAnswers() {
        petrescue().respondWith(PartnerAnswers::petrescue);
        savourlife().respondWith(PartnerAnswers::savourlife);
    }

    private static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = TestDatabase.newDatabase();
        }
        return databaseUrl;
    }

    @AfterAll
    static void stopPeers() {
        if (ftpPeer != null) {
            ftpPeer.close();
            ftpPeer = null;
        }
        if (petrescuePeer != null) {
            petrescuePeer.close();
            petrescuePeer = null;
        }
        if (savourlifePeer != null) {
            savourlifePeer.close();
            savourlifePeer = null;
        }
        databaseUrl = null;
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(new ExportsConfiguration());
        configuration.withRoutesIncludePattern("file:routes/*.camel.yaml");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.put("exports.db.url", databaseUrl());
        p.put("exports.db.user", "postgres");
        p.put("exports.db.password", "postgres");
        p.put("exports.preview", "false");
        p.put("camel.management.enabled", "false");
        p.put("exports.scheduler-enabled", "false");
        p.put("exports.retry.maximum-redeliveries", "1");
        p.put("exports.retry.delay-millis", "10");
        p.put("exports.api.retry.maximum-redeliveries", "2");
        p.put("exports.api.retry.delay-millis", "50");
        p.put("partners.petrescue.base-url", petrescue().baseUrl());
        p.put("partners.savourlife.base-url", savourlife().baseUrl());
        p.put("exports.ftp.connect-timeout-millis", "3000");
        p.put("exports.ftp.read-timeout-millis", "5000");
        p.put("exports.ftp.data-timeout-millis", "5000");
        for (String partner : List.of("petfinder", "adoptapet")) {
            p.put("partners." + partner + ".host", "127.0.0.1");
            p.put("partners." + partner + ".port", Integer.toString(ftp().port()));
        }
        p.putAll(extraProperties());
        return p;
    }

    /** Properties a test class sets on top of the defaults above. */
    protected Properties extraProperties() {
        return new Properties();
    }

    @BeforeEach
    void startFromNothing() {
        db = new Fixture(databaseUrl());
        db.clear();
        ftp().reset();
        petrescue().reset();
        savourlife().reset();
        defaultAnswers();
    }

    /** An organisation with Petfinder (NJ94) and Adopt-a-Pet accounts, both enabled, logging in as the FTP peer's users. */
    protected void orgWithBothPartners(long orgId) {
        db.org(orgId).insert();
        db.account(orgId, "petfinder", "NJ94", PF_USER, PF_PASSWORD).insert();
        db.account(orgId, "adoptapet", "AAP" + orgId, AAP_USER, AAP_PASSWORD).insert();
    }

    /** An organisation with API exports on and active PetRescue (PR1) and SavourLife (SL1) accounts. */
    protected void orgWithApiPartners(long orgId) {
        db.org(orgId).set("api_exports_enabled", true).insert();
        db.account(orgId, "petrescue", "PR1", null, "pr-token-1").insert();
        db.account(orgId, "savourlife", "SL1", null, "sl-token-1").insert();
    }

    /** Runs one export cycle and returns its summary (runs by outcome, counts). */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> runCycle() {
        Exchange result = template.send("direct:export-cycle", exchange -> { });
        assertThat(result.getException()).as("the cycle itself must not fail").isNull();
        return result.getMessage().getBody(Map.class);
    }

    protected String petfinderFeed() {
        return ftp().text(PF_USER, "import/NJ94.csv");
    }

    protected String adoptapetFeed() {
        return ftp().text(AAP_USER, "pets.csv");
    }

    /** The Petfinder feed parsed with a real CSV parser, by header name. */
    protected List<CSVRecord> petfinderRows() {
        return parse(petfinderFeed(), true);
    }

    /** Adopt-a-Pet's pets.csv (no header) parsed with a real CSV parser. */
    protected List<CSVRecord> adoptapetRows() {
        return parse(adoptapetFeed(), false);
    }

    protected static List<CSVRecord> parse(String csv, boolean header) {
        CSVFormat format = header
                ? CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                : CSVFormat.RFC4180;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static CSVRecord row(List<CSVRecord> rows, long id) {
        return rows.stream().filter(r -> r.get(0).equals(Long.toString(id))).findFirst()
                .orElseThrow(() -> new AssertionError("animal " + id + " is not in the feed"));
    }

    protected static List<String> ids(List<CSVRecord> rows) {
        return rows.stream().map(r -> r.get(0)).toList();
    }
}
