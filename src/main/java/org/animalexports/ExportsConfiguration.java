package org.animalexports;

import org.animalexports.animal.DescriptionEnricher;
import org.animalexports.api.ApiAccounts;
import org.animalexports.api.ApiCalls;
import org.animalexports.api.ApiPlanner;
import org.animalexports.api.ApiRequestBuilder;
import org.animalexports.api.ApiRunLog;
import org.animalexports.api.ApiWatermark;
import org.animalexports.api.SyncTurn;
import org.animalexports.api.RetryAfter;
import org.animalexports.database.Database;
import org.animalexports.database.DemoData;
import org.animalexports.database.PlainRows;
import org.animalexports.database.SqlSteps;
import org.animalexports.feed.FeedBuilder;
import org.animalexports.feed.FeedUploads;
import org.animalexports.feed.OrganisationFeeds;
import org.animalexports.partner.PartnerConfigLoader;
import org.animalexports.partner.PartnerEndpoints;
import org.animalexports.partner.PartnerRegistry;
import org.animalexports.partner.ReplacingFtpComponent;
import org.animalexports.operations.DatabaseHealthCheck;
import org.animalexports.operations.ExportMetrics;
import org.animalexports.operations.HeldFeedsHealthCheck;
import org.animalexports.operations.StatusApi;
import org.animalexports.state.CycleSummary;
import org.animalexports.state.FailureReport;
import org.animalexports.state.FeedSchedule;
import org.animalexports.state.Instance;
import org.animalexports.state.RemovalGuard;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultRuntimeEndpointRegistry;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Wires the service's beans into Camel's registry from application.properties (overridable by system properties
 * and environment variables): the database, the partners, and the processors the YAML routes call.
 */
public class ExportsConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExportsConfiguration.class);

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Registry registry = context.getRegistry();

        // Camel adds its runtime endpoint registry whenever the statistics level is Extended, whatever
        // camel.main.endpoint-runtime-statistics-enabled says; this one follows that key (application.properties).
        DefaultRuntimeEndpointRegistry endpointStatistics = new DefaultRuntimeEndpointRegistry();
        endpointStatistics.setEnabled(Boolean.parseBoolean(
                properties.resolveProperty("camel.main.endpoint-runtime-statistics-enabled").orElse("false")));
        context.setRuntimeEndpointRegistry(endpointStatistics);

        PartnerRegistry partners = new PartnerRegistry(
                new PartnerConfigLoader().loadAll(Path.of(required(properties, "exports.partner-config-dir"))),
                properties::resolveProperty);

        Database database = Database.open(
                properties.resolveProperty("exports.db.url").orElse(""),
                properties.resolveProperty("exports.db.user").orElse(""),
                properties.resolveProperty("exports.db.password").orElse(""),
                Integer.parseInt(required(properties, "exports.db.pool-size")),
                Path.of(required(properties, "exports.embedded-db-dir")),
                Boolean.parseBoolean(properties.resolveProperty("exports.db.synchronous-commit").orElse("false")));
        context.addService(database, true, true);
        context.getCamelContextExtension().registerEndpointCallback(new SqlSteps(context));
        if (database.isEmbedded() && DemoData.loadIfEmpty(database.dataSource())) {
            LOG.info("Loaded the demo organisations and animals into the embedded database");
        }

        String previewSetting = properties.resolveProperty("exports.preview").orElse("auto");
        boolean preview = "auto".equals(previewSetting) ? database.isEmbedded() : Boolean.parseBoolean(previewSetting);
        Path previewDir = preview ? Path.of(required(properties, "exports.preview-dir")) : null;
        if (preview) {
            LOG.info("Preview mode: feeds are written to {} instead of being sent to partners", previewDir.toAbsolutePath());
        }

        Clock clock = Clock.systemDefaultZone();
        PartnerEndpoints endpoints = new PartnerEndpoints(partners, previewDir, new PartnerEndpoints.FileTransferSettings(
                Integer.parseInt(required(properties, "exports.ftp.connect-timeout-millis")),
                Integer.parseInt(required(properties, "exports.ftp.read-timeout-millis")),
                Integer.parseInt(required(properties, "exports.ftp.data-timeout-millis")),
                properties.resolveProperty("exports.sftp.known-hosts-file").orElse(""),
                Boolean.parseBoolean(properties.resolveProperty("exports.sftp.strict-host-key-checking").orElse("true"))));
        ExecutorService exportPool = context.getExecutorServiceManager().newFixedThreadPool(this, "exports",
                Integer.parseInt(required(properties, "exports.parallel-exports")));

        registry.bind("database", database);
        registry.bind("dataSource", database.dataSource());
        // Autowired into camel-sql: rows as plain maps (see PlainRows).
        registry.bind("plainRows", new PlainRows());
        registry.bind("partners", partners);
        registry.bind("partnerEndpoints", endpoints);
        // Feed uploads over plain FTP rename over the previous file without listing the directory first.
        context.addComponent("ftp", new ReplacingFtpComponent());
        DescriptionEnricher descriptions = new DescriptionEnricher();
        registry.bind("feedBuilder", new FeedBuilder(partners, descriptions, clock));
        registry.bind("feedUploads", new FeedUploads(endpoints));
        registry.bind("organisationFeeds", new OrganisationFeeds());
        registry.bind("feedSchedule", new FeedSchedule(partners, clock));
        registry.bind("failureReport", new FailureReport());
        registry.bind("cycleSummary", new CycleSummary());
        registry.bind("instance", new Instance(properties.resolveProperty("exports.instance-id").orElse("")));
        registry.bind("removalGuard", new RemovalGuard(
                Double.parseDouble(required(properties, "exports.guard.max-removal-share")),
                Integer.parseInt(required(properties, "exports.guard.min-removals"))));
        registry.bind("exportPool", exportPool);

        ApiRequestBuilder apiRequests = new ApiRequestBuilder(previewDir);
        registry.bind("apiPool", context.getExecutorServiceManager().newFixedThreadPool(this, "api-calls",
                Integer.parseInt(required(properties, "exports.api.parallel-calls"))));
        registry.bind("apiPlanner", new ApiPlanner(partners, descriptions, apiRequests, clock));
        registry.bind("apiCalls", new ApiCalls());
        registry.bind("apiAccounts", new ApiAccounts(partners, apiRequests, properties::resolveProperty));
        registry.bind("retryAfter", new RetryAfter(Long.parseLong(required(properties, "exports.api.retry-after-max-millis"))));
        registry.bind("apiWatermark", new ApiWatermark());
        registry.bind("syncTurn", new SyncTurn());
        registry.bind("apiRunLog", new ApiRunLog());

        ExportMetrics metrics = new ExportMetrics(context, partners.all().stream().map(p -> p.code()).toList());
        registry.bind("exportMetrics", metrics);
        registry.bind("databaseHealthCheck", new DatabaseHealthCheck(database.dataSource()));
        registry.bind("heldFeedsHealthCheck", new HeldFeedsHealthCheck(database.dataSource()));
        StatusApi statusApi = new StatusApi(context, properties.resolveProperty("exports.status.operator-token").orElse(""));
        context.addStartupListener(new org.apache.camel.ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                // the management server and the metrics registry exist once Camel has started
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                metrics.start();
                statusApi.register();
            }
        });
        startupSummary(database, partners, properties);

        LOG.info("Partners loaded: {}", partners.all().stream()
                .map(p -> p.code() + " (" + p.transport() + " " + (p.transport().isFileTransfer()
                        ? p.endpoint().host() + ":" + p.endpoint().port() : p.endpoint().baseUrl()) + ")")
                .collect(Collectors.joining(", ")));
    }

    /** One line an operator reads at start-up: which organisations export where, and when. */
    private static void startupSummary(Database database, PartnerRegistry partners, PropertiesComponent properties) {
        StringBuilder accounts = new StringBuilder();
        try (java.sql.Connection c = database.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("select partner_code, count(*) from partner_accounts where enabled "
                     + "group by partner_code order by partner_code")) {
            while (rs.next()) {
                accounts.append(accounts.isEmpty() ? "" : ", ").append(rs.getString(1)).append(": ").append(rs.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            accounts.append("unknown (").append(e.getMessage()).append(')');
        }
        LOG.info("Organisations with exports enabled, by partner: {}; schedule: full cycle on cron '{}', changes polled every {} ms",
                accounts.isEmpty() ? "none" : accounts, properties.resolveProperty("exports.schedule.cron").orElse("?"),
                properties.resolveProperty("exports.api.poll-interval-millis").orElse("?"));
    }

    private static String required(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key)
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException("Missing configuration property " + key));
    }
}
