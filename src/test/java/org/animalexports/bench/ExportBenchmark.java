package org.animalexports.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.animalexports.partner.PartnerRegistry;
import org.animalexports.support.Fixture;
import org.animalexports.support.FtpPeer;
import org.animalexports.support.HttpPeer;
import org.animalexports.support.TestDatabase;
import org.animalexports.support.TestServices;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.postgresql.PGConnection;

import javax.management.MBeanServer;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The export benchmark: a real PostgreSQL with N animals over M organisations (pictures, fosters, videos, switch
 * settings), real FTP and HTTP peers on loopback, one full export cycle to 2 FTP and 2 API partners, then a burst
 * of K single-animal changes through the change poll, a repeat cycle, and the first export once more on the warm
 * JVM. Prints the figures; run it with the command in the README.
 *
 * <p>System properties: bench.animals (100000), bench.orgs (1000), bench.changes (100), bench.partner-latency-ms
 * (0: the peers answer at once), bench.parallel (unset: the service's own parallel-exports and api.parallel-calls).
 */
public final class ExportBenchmark {

    private static final Pattern CODE = Pattern.compile("\"(?:Code|remote_id)\":(\\d+)");
    private static final Pattern MARK = Pattern.compile("bench-change-(\\d+)");

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int animals = Integer.getInteger("bench.animals", 100_000);
        int orgs = Integer.getInteger("bench.orgs", 1_000);
        int changes = Integer.getInteger("bench.changes", 100);
        // As if the partners were a round trip away: each HTTP answer and each FTP reply waits this long.
        int roundTripMillis = Integer.getInteger("bench.partner-latency-ms", 0);
        // Uploads and API calls at once (exports.parallel-exports, exports.api.parallel-calls); unset: the defaults.
        Integer parallel = Integer.getInteger("bench.parallel");
        System.out.printf("animal-exports benchmark: %,d animals, %,d organisations, %d changes; %d cores, max heap %d MB%n",
                animals, orgs, changes, Runtime.getRuntime().availableProcessors(),
                maxHeapMegabytes());
        if (roundTripMillis > 0 || parallel != null) {
            System.out.printf("partners %d ms away; %s uploads and API calls at once%n", roundTripMillis,
                    parallel == null ? "the default number of" : parallel.toString());
        }

        TestDatabase.recordStatementStatistics();
        String url = TestDatabase.newDatabase();
        Fixture db = new Fixture(url);
        FtpPeer ftp = new FtpPeer();
        ftp.replyAfter(Duration.ofMillis(roundTripMillis));
        for (int o = 1; o <= orgs; o++) {
            ftp.addUser("petfinder" + o, "secret-petfinder" + o);
            ftp.addUser("adoptapet" + o, "secret-adoptapet" + o);
        }
        ftp.addUser("floor", "floor");
        Map<Long, Long> changedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        // Waiting answers hold a peer thread each: enough threads that the peers never queue the service's calls.
        int peerThreads = roundTripMillis > 0 ? 64 : 8;
        HttpPeer petrescue = new HttpPeer(false, peerThreads);
        HttpPeer savourlife = new HttpPeer(false, peerThreads);
        petrescue.replyAfter(Duration.ofMillis(roundTripMillis));
        savourlife.replyAfter(Duration.ofMillis(roundTripMillis));
        petrescue.respondWith(r -> answer(r, "{\"id\": \"pr-%s\"}", changedAt, latencies));
        savourlife.respondWith(r -> answer(r, "{\"DogId\": %s}", changedAt, latencies));

        Map<String, String> props = Map.ofEntries(
                Map.entry("exports.db.url", url), Map.entry("exports.db.user", "postgres"),
                Map.entry("exports.db.password", "postgres"), Map.entry("exports.preview", "false"),
                Map.entry("camel.management.enabled", "false"),
                Map.entry("exports.schedule.cron", "0 0 0 1 1 ? 2099"),
                Map.entry("exports.catch-up-delay-millis", "86400000"),
                Map.entry("partners.petfinder.host", "127.0.0.1"),
                Map.entry("partners.petfinder.port", Integer.toString(ftp.port())),
                Map.entry("partners.adoptapet.host", "127.0.0.1"),
                Map.entry("partners.adoptapet.port", Integer.toString(ftp.port())),
                Map.entry("partners.petrescue.base-url", petrescue.baseUrl()),
                Map.entry("partners.savourlife.base-url", savourlife.baseUrl()));
        if (parallel != null) {
            props = new HashMap<>(props);
            props.put("exports.parallel-exports", parallel.toString());
            props.put("exports.api.parallel-calls", parallel.toString());
        }
        // The schema first (a start applies the migrations), then the data, then the service: so the change poll
        // starts after the data exists and only the full cycle exports it.
        Main migrate = service(props);
        migrate.start();
        migrate.stop();
        long t0 = System.nanoTime();
        generate(url, animals, orgs);
        System.out.printf("data generated in PostgreSQL in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // As in a running shelter database, the data is older than the change poll's 5 s look-back: the first poll
        // finds nothing to do and the full cycle exports everything.
        Thread.sleep(6000);
        db.exec("create extension if not exists pg_stat_statements");
        db.query("select pg_stat_statements_reset()");
        Main main = service(props);
        main.start();
        CamelContext camel = main.getCamelContext();
        REQUESTS.set(0);
        HeapSampler heap = new HeapSampler();
        heap.start();

        // 1. One full export cycle.
        CpuSpan cycleCpu = CpuSpan.start();
        double cycleSeconds = runCycle(camel);
        CpuSpan.Used cycleCpuUsed = cycleCpu.end();
        Map<String, SortedSet<Integer>> threadNice = jvmThreadNiceValues();
        double ftpSeconds = ftpSeconds(db);
        Map<String, Object> timing = db.query("select "
                + "count(*) filter (where partner_code in ('petfinder','adoptapet') and outcome = 'delivered') as feeds, "
                + "count(*) filter (where outcome in ('failed','held')) as bad from export_runs").get(0);
        Map<String, Object> pushed = db.query("select count(*) filter (where partner_code in ('petrescue','savourlife')"
                + " and state = 'listed') as pushes, count(*) filter (where partner_code in ('petfinder','adoptapet')"
                + " and state = 'listed') as listed_in_feeds from animal_export_state").get(0);
        String statements = statementBreakdown(db);
        long feeds = ((Number) timing.get("feeds")).longValue();
        long pushes = ((Number) pushed.get("pushes")).longValue();
        long inFeeds = ((Number) pushed.get("listed_in_feeds")).longValue();
        long httpCalls = REQUESTS.get();

        // 2. The floor: PostgreSQL alone producing the same rows, the FTP peer alone taking the same bytes.
        double copySeconds = copyFloor(url);
        // The floor is the loopback one: the same bytes over one connection, no round trips simulated.
        ftp.replyAfter(Duration.ZERO);
        double ftpFloorSeconds = ftpFloor(ftp, orgs);
        ftp.replyAfter(Duration.ofMillis(roundTripMillis));
        double floor = copySeconds + ftpFloorSeconds;
        // The same for the API part: the calls the partners acknowledged, sent again without the service.
        petrescue.replyAfter(Duration.ZERO);
        savourlife.replyAfter(Duration.ZERO);
        int apiParallel = parallel != null ? parallel : Integer.parseInt(camel.getPropertiesComponent()
                .resolveProperty("exports.api.parallel-calls").orElseThrow());
        CpuSpan floorCpu = CpuSpan.start();
        // Where each partner takes a new listing: the upsert request of its partner file.
        PartnerRegistry partners = camel.getRegistry().lookupByNameAndType("partners", PartnerRegistry.class);
        Map<String, String> upsertUrls = Map.of(
                "petrescue", petrescue.baseUrl() + partners.get("petrescue").api().requests().get("upsert").path(),
                "savourlife", savourlife.baseUrl() + partners.get("savourlife").api().requests().get("upsert").path());
        ApiFloor apiFloor = apiFloor(url, orgs, apiParallel, upsertUrls);
        CpuSpan.Used floorCpuUsed = floorCpu.end();
        petrescue.replyAfter(Duration.ofMillis(roundTripMillis));
        savourlife.replyAfter(Duration.ofMillis(roundTripMillis));
        double dbShare = databaseShare();
        String breakdown = processorBreakdown();

        // 3. A burst of single-animal changes through the change poll.
        List<Long> dogs = new ArrayList<>(db.query("select a.id from animals a join animal_export_state st "
                + "on st.animal_id = a.id and st.partner_code = 'savourlife' and st.state = 'listed' order by a.id")
                .stream().map(r -> ((Number) r.get("id")).longValue()).toList());
        Collections.shuffle(dogs, new Random(7));
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            for (int i = 0; i < changes && i < dogs.size(); i++) {
                long id = dogs.get(i);
                try (var ps = c.prepareStatement("update animals set description = description || ' bench-change-' || id where id = ?")) {
                    ps.setLong(1, id);
                    changedAt.put(id, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                Thread.sleep(50);
            }
        }
        long waitUntil = System.currentTimeMillis() + 120_000;
        int expected = Math.min(changes, dogs.size()) * 2;
        while (latencies.size() < expected && System.currentTimeMillis() < waitUntil) {
            Thread.sleep(100);
        }
        // 4. A repeat full cycle: what every scheduled cycle after the first costs, when partners have it all.
        long callsBeforeRepeat = REQUESTS.get();
        double repeatSeconds = runCycle(camel);
        long repeatCalls = REQUESTS.get() - callsBeforeRepeat;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);

        // 5. The first export once more, on the warm JVM: step 1's work (every listing new to every partner)
        // without the JIT compiler's start-up share, as when a running service takes on a large platform.
        db.exec("truncate animal_export_state, feed_uploads, export_runs, dead_letters, held_feeds");
        ftp.reset();
        CpuSpan warmCpu = CpuSpan.start();
        double warmSeconds = runCycle(camel);
        CpuSpan.Used warmCpuUsed = warmCpu.end();
        double warmFtpSeconds = ftpSeconds(db);
        long peakHeap = heap.stopAndPeak();
        main.stop();
        ftp.close();
        petrescue.close();
        savourlife.close();

        System.out.println();
        System.out.println("== animal-exports benchmark ==");
        System.out.printf("animals %,d, organisations %,d, partners: petfinder + adoptapet (FTP), petrescue + savourlife (API)%n", animals, orgs);
        System.out.printf("full cycle                 %8.1f s   (FTP feeds %.1f s, API pushes %.1f s)%n", cycleSeconds, ftpSeconds, cycleSeconds - ftpSeconds);
        System.out.printf("repeat full cycle          %8.1f s   (every listing compared again; %,d HTTP calls, feeds re-uploaded only if changed)%n",
                repeatSeconds, repeatCalls);
        System.out.printf("first cycle on a warm JVM  %8.1f s   (the first export again after the repeat cycle: FTP feeds %.1f s = %.2f x the floor,"
                + " API pushes %.1f s)%n", warmSeconds, warmFtpSeconds, warmFtpSeconds / floor, warmSeconds - warmFtpSeconds);
        System.out.printf("  its JVM CPU by thread      %s%n", seconds(warmCpuUsed.jvmByThread()));
        System.out.printf("animals per second         %8.0f       (%,d animals / full cycle)%n", animals / cycleSeconds, animals);
        System.out.printf("feeds per second           %8.1f       (%,d feeds uploaded, %,d listings in them)%n", feeds / ftpSeconds, feeds, inFeeds);
        System.out.printf("pushes per second          %8.0f       (%,d listings pushed, %,d HTTP calls received)%n",
                pushes / Math.max(0.001, cycleSeconds - ftpSeconds), pushes, httpCalls);
        System.out.printf("failed or held runs        %8d%n", ((Number) timing.get("bad")).longValue());
        System.out.printf("floor: COPY of the feed rows %.2f s + FTP peer taking the same bytes %.2f s = %.2f s%n", copySeconds, ftpFloorSeconds, floor);
        System.out.printf("FTP export / floor         %8.2f x%n", ftpSeconds / floor);
        System.out.printf("API floor: %,d calls from a plain HTTP client, %d at once, each acknowledgement written at once: %.2f s"
                + " (reading the rows %.2f s)%n", apiFloor.calls(), apiParallel, apiFloor.seconds(), apiFloor.readSeconds());
        System.out.printf("  its CPU                    client %.1f s; JVM %s (the client's ended threads among the other);"
                + " PostgreSQL %.1f s (with the untimed tenth first)%n",
                apiFloor.clientCpuSeconds(), seconds(floorCpuUsed.jvmByThread()), floorCpuUsed.postgres());
        System.out.printf("API pushes / floor         %8.2f x   (warm JVM: %.2f x)%n",
                (cycleSeconds - ftpSeconds) / apiFloor.seconds(), (warmSeconds - warmFtpSeconds) / apiFloor.seconds());
        System.out.printf("full cycle / both floors   %8.2f x   (floors %.1f s; warm JVM: %.2f x)%n", cycleSeconds / (floor + apiFloor.seconds()),
                floor + apiFloor.seconds(), warmSeconds / (floor + apiFloor.seconds()));
        System.out.printf("database time share        %8.0f %%   (SQL steps / all export work, from Camel's processor statistics)%n", dbShare * 100);
        System.out.printf("CPU in the full cycle        %6.1f s JVM (service + peers) + %.1f s PostgreSQL, of %.1f s (%d cores x cycle)%n",
                cycleCpuUsed.jvm(), cycleCpuUsed.postgres(), cycleSeconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        System.out.printf("JVM CPU by thread            %s%n", seconds(cycleCpuUsed.jvmByThread()));
        System.out.printf("JVM threads' nice values     %s   (the lower, the sooner a thread runs when others wait)%n",
                threadNice.isEmpty() ? "n/a" : threadNice.entrySet().stream().map(e -> e.getKey() + " "
                        + e.getValue().stream().map(String::valueOf).collect(Collectors.joining("/")))
                        .collect(Collectors.joining(", ")));
        System.out.printf("CPU stolen by the host       %6s   (in the full cycle; the warm first cycle %s, the floors %s: the less, the more"
                + " these figures compare with other runs')%n", stolen(cycleCpuUsed), stolen(warmCpuUsed), stolen(floorCpuUsed));
        System.out.printf("PostgreSQL CPU by process    %s%n", seconds(cycleCpuUsed.postgresByProcess()));
        System.out.printf("change -> partner latency  p50 %s  p95 %s  p99 %s  (%d of %d deliveries, poll %s ms)%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size(), expected,
                camel.getPropertiesComponent().resolveProperty("exports.api.poll-interval-millis").orElse("?"));
        System.out.printf("peak heap                  %8d MB    (heap in use, garbage included, sampled every 50 ms; max heap %d MB)%n",
                peakHeap / 1024 / 1024, maxHeapMegabytes());
        System.out.printf("peak heap after full GC    %8s       (what the service still held right after a full collection; %d of them)%n",
                heap.peakAfterCollection() < 0 ? "none" : heap.peakAfterCollection() / 1024 / 1024 + " MB",
                heap.fullCollections());
        System.out.println("where the time went (Camel processor statistics, summed over threads):");
        System.out.print(breakdown);
        System.out.println("where PostgreSQL spent the full cycle (pg_stat_statements, planning and execution time):");
        System.out.print(statements);
        String summary = System.getProperty("bench.summary", "");
        if (!summary.isBlank()) {
            Map<String, Double> figures = new TreeMap<>();
            figures.put("animals", (double) animals);
            figures.put("cycle.seconds", cycleSeconds);
            figures.put("cycle.ftp.seconds", ftpSeconds);
            figures.put("cycle.api.seconds", cycleSeconds - ftpSeconds);
            figures.put("cycle.cpu.service", cycleCpuUsed.jvmByThread().getOrDefault("service", 0.0));
            figures.put("cycle.cpu.jit", cycleCpuUsed.jvmByThread().getOrDefault("JIT compiler", 0.0));
            figures.put("cycle.cpu.postgres", cycleCpuUsed.postgres());
            figures.put("cycle.cpu.stolen", cycleCpuUsed.stolen());
            figures.put("warm.seconds", warmSeconds);
            figures.put("warm.cpu.service", warmCpuUsed.jvmByThread().getOrDefault("service", 0.0));
            figures.put("repeat.seconds", repeatSeconds);
            figures.put("floors.seconds", floor + apiFloor.seconds());
            figures.put("heap.peak.mb", (double) (peakHeap / 1024 / 1024));
            if (!sorted.isEmpty()) {
                figures.put("latency.p95.seconds", sorted.get(Math.min(sorted.size() - 1,
                        (int) Math.ceil(0.95 * sorted.size()) - 1)) / 1000.0);
            }
            figures.put("pushes", (double) pushes);
            figures.put("feeds", (double) feeds);
            ScalingBenchmark.write(Path.of(summary), figures);
        }
        System.exit(0);
    }

    /** Runs one full export cycle; its seconds. */
    private static double runCycle(CamelContext camel) throws Exception {
        long start = System.nanoTime();
        Exchange cycle = camel.createProducerTemplate().send("direct:export-cycle", e -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (cycle.getException() != null) {
            throw cycle.getException();
        }
        return seconds;
    }

    /** The FTP part of the cycle the export runs record: from its first start to the last FTP run's end. */
    private static double ftpSeconds(Fixture db) {
        return ((Number) db.query("select extract(epoch from max(finished_at) filter (where partner_code in "
                + "('petfinder','adoptapet')) - min(started_at)) as s from export_runs").get(0).get("s")).doubleValue();
    }

    private static String processorBreakdown() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String[]> rows = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:type=processors,*"), null)) {
            long total = ((Number) server.getAttribute(name, "TotalProcessingTime")).longValue();
            long count = ((Number) server.getAttribute(name, "ExchangesTotal")).longValue();
            rows.add(new String[] {Long.toString(total), String.format("  %-28s %-14s %8.1f s total, %7.2f ms mean, %,9d calls%n",
                    server.getAttribute(name, "ProcessorId"), server.getAttribute(name, "RouteId"), total / 1000.0,
                    count == 0 ? 0.0 : (double) total / count, count)});
        }
        rows.sort((a, b) -> Long.compare(Long.parseLong(b[0]), Long.parseLong(a[0])));
        StringBuilder out = new StringBuilder();
        rows.stream().limit(14).forEach(r -> out.append(r[1]));
        return out.toString();
    }

    private static final AtomicLong REQUESTS = new AtomicLong();

    private static Main service(Map<String, String> props) {
        Map<String, String> overrides = new HashMap<>(props);
        overrides.put("exports.scheduler-enabled", "true"); // the change poll runs; the cron is far away
        return TestServices.main(props.get("exports.db.url"), overrides);
    }

    private static HttpPeer.Response answer(HttpPeer.Request r, String template, Map<Long, Long> changedAt, List<Long> latencies) {
        REQUESTS.incrementAndGet();
        Matcher mark = MARK.matcher(r.body());
        if (mark.find()) {
            Long at = changedAt.get(Long.parseLong(mark.group(1)));
            if (at != null) {
                latencies.add(System.currentTimeMillis() - at);
            }
        }
        Matcher code = CODE.matcher(r.body());
        return HttpPeer.Response.json(200, String.format(template, code.find() ? code.group(1) : "0"));
    }

    private static String pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return String.format("%.2f s", v / 1000.0);
    }

    private static void generate(String url, int animals, int orgs) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("insert into organizations (id, name, email, phone, city, state, postal_code, homepage_url, "
                    + "animal_page_url_template, website_service, description_links_enabled, api_exports_enabled) "
                    + "select o, 'Rescue ' || o, 'rescue' || o || '@example.org', '555-' || o, 'Trenton', 'NJ', '08601', "
                    + "'https://rescue' || o || '.example.org', 'https://rescue' || o || '.example.org/animals/{id}', "
                    + "o % 2 = 0, true, true from generate_series(1, " + orgs + ") o");
            s.execute("insert into partner_accounts (org_id, partner_code, enabled, account_id, username, secret, status) "
                    + "select o, p, true, upper(p) || o, p || o, 'secret-' || p || o, 'active' "
                    + "from generate_series(1, " + orgs + ") o, unnest(array['petfinder','adoptapet','petrescue','savourlife']) p");
            s.execute("insert into fosters (id, org_id, name, email, phone, contact_public) select o, o, 'Foster ' || o, "
                    + "'foster' || o || '@example.org', '555-9' || o, o % 3 = 0 from generate_series(1, " + orgs + ") o");
            int perOrg = Math.max(1, animals / orgs);
            s.execute("insert into animals (id, org_id, name, species, primary_breed, secondary_breed, mixed, sex, birth_date, "
                    + "size, color, coat_length, description, status, altered, shots_current, housetrained, ok_with_dogs, "
                    + "ok_with_cats, ok_with_kids, adoption_fee, arrival_date, foster_id, export_enabled) "
                    + "select a, least(" + orgs + ", 1 + (a - 1) / " + perOrg + "), "
                    + "(array['Biscuit','Luna','Max','Daisy','Oreo','Pepper','Rocky','Willow','Ziggy','Hazel'])[1 + a % 10] || ' ' || a, "
                    + "case when a % 10 < 6 then 'Dog' when a % 10 < 9 then 'Cat' else 'Rabbit' end, "
                    + "case when a % 10 < 6 then (array['Labrador Retriever','Beagle','Pit Bull Terrier','Boxer','Lab'])[1 + a % 5] "
                    + "when a % 10 < 9 then (array['Domestic Short Hair','Siamese','DSH'])[1 + a % 3] else 'Holland Lop' end, "
                    + "case when a % 7 = 0 then 'Boxer' end, a % 3 = 0, (array['Male','Female'])[1 + a % 2], "
                    + "current_date - (a % 4000), (array['Small','Medium','Large','X-Large'])[1 + a % 4], "
                    + "(array['Black/White','Brown','Gray and White','Tricolor'])[1 + a % 4], (array['Short','Medium','Long'])[1 + a % 3], "
                    + "'<p>Meet this wonderful companion, number ' || a || '. Loves walks, naps in the sun and meeting new people.</p>"
                    + "<p>House-trained, good on a leash and gentle with visitors. Our volunteers say this is one of the kindest "
                    + "animals in our care &amp; ready for a home of their own.</p><p>Adoption includes vaccinations, microchip "
                    + "and a starter kit. Ask us about meeting in person!</p>', "
                    + "case when a % 20 < 17 then 'Available' when a % 20 = 17 then 'Hold' when a % 20 = 18 then 'Pending' else 'Adopted' end, "
                    + "a % 2 = 0, a % 3 <> 0, a % 4 <> 0, case when a % 5 = 0 then null else a % 2 = 0 end, "
                    + "case when a % 3 = 0 then null else a % 3 = 1 end, true, 50 + a % 200, current_date - a % 365, "
                    + "case when a % 10 = 0 then least(" + orgs + ", 1 + (a - 1) / " + perOrg + ") end, a % 33 <> 0 "
                    + "from generate_series(1, " + animals + ") a");
            s.execute("insert into animal_pictures (id, animal_id, position, url) select a * 10 + p, a, p, "
                    + "'https://images.example.org/animals/' || a || '/' || p || '.jpg' "
                    + "from generate_series(1, " + animals + ") a, generate_series(1, 3) p");
            s.execute("insert into animal_videos (id, animal_id, url) select a, a, 'https://www.youtube.com/watch?v=v' || a "
                    + "from generate_series(1, " + animals + ") a where a % 10 = 3");
            s.execute("insert into animal_partner_accounts (animal_id, partner_code, selected) select a, "
                    + "(array['petfinder','adoptapet','petrescue','savourlife'])[1 + a % 4], false "
                    + "from generate_series(1, " + animals + ") a where a % 50 = 1");
            s.execute("vacuum analyze");
        }
    }

    /**
     * PostgreSQL alone producing the rows the FTP feeds are built from, as COPY ... TO STDOUT into nowhere: the
     * animals of every organisation with an enabled FTP partner account, once (the service reads an organisation's
     * animals once for all its FTP partners).
     */
    private static double copyFloor(String url) throws Exception {
        String query = Files.readString(Path.of("routes/sql/select-feed-animals.sql"));
        String orgFilter = "where a.org_id = :#${header.orgId}";
        if (!query.contains(orgFilter) || query.replace(orgFilter, "").contains(":#")) {
            throw new IllegalStateException("routes/sql/select-feed-animals.sql changed: the floor's COPY no longer knows how to read it");
        }
        String select = query.replace(orgFilter, "where a.org_id in (select pa.org_id from partner_accounts pa "
                + "where pa.partner_code in ('petfinder', 'adoptapet') and pa.enabled)");
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + select + ") to stdout", OutputStream.nullOutputStream());
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The FTP peer taking the bytes of every uploaded feed file once more, over one connection. */
    private static double ftpFloor(FtpPeer ftp, int orgs) throws Exception {
        List<byte[]> files = new ArrayList<>();
        for (int o = 1; o <= orgs; o++) {
            ftp.file("petfinder" + o, "import/PETFINDER" + o + ".csv").ifPresent(files::add);
            ftp.file("adoptapet" + o, "pets.csv").ifPresent(files::add);
            ftp.file("adoptapet" + o, "import.cfg").ifPresent(files::add);
        }
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", ftp.port());
        client.login("floor", "floor");
        client.enterLocalPassiveMode();
        client.setFileType(FTP.BINARY_FILE_TYPE);
        long start = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            client.storeFile("f" + i, new ByteArrayInputStream(files.get(i)));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        client.logout();
        client.disconnect();
        return seconds;
    }

    /** What the API floor took: its calls, its whole time, the part of it spent reading rows, its client's CPU. */
    private record ApiFloor(long calls, double seconds, double readSeconds, double clientCpuSeconds) {
    }

    /**
     * The least an API export must do, without the service: for each organisation, read the listings the partners
     * acknowledged in the full cycle (their bodies as sent, credentials blanked), send each to its partner's peer
     * from a plain HTTP client (camel-http's own, Apache HttpClient 5, keep-alive), read the answer, and write the
     * acknowledgement to PostgreSQL at once, as SPEC 5 asks (a copy of the export-state table). Organisations run
     * {@code parallel} at once, as the service's API calls do. A tenth of the organisations goes first, untimed,
     * so that the floor's own code runs compiled, as the service's does on a warm JVM.
     */
    private static ApiFloor apiFloor(String url, int orgs, int parallel, Map<String, String> upsertUrls) throws Exception {
        apiFloorRun(url, Math.max(1, orgs / 10), parallel, upsertUrls);
        return apiFloorRun(url, orgs, parallel, upsertUrls);
    }

    /** @param upsertUrls per API partner code, the URL a new listing is posted to */
    private static ApiFloor apiFloorRun(String url, int orgs, int parallel, Map<String, String> upsertUrls)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop table if exists floor_state");
            s.execute("create table floor_state (like animal_export_state including all)");
        }
        AtomicInteger nextOrg = new AtomicInteger(1);
        AtomicLong calls = new AtomicLong();
        AtomicLong readNanos = new AtomicLong();
        AtomicLong clientCpuNanos = new AtomicLong();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(parallel * 2).setMaxConnPerRoute(parallel).build();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> new Thread(r, "api-floor-" + threads.incrementAndGet()));
        long start = System.nanoTime();
        try (var http = HttpClients.custom().setConnectionManager(connections)
                .disableCookieManagement().disableAutomaticRetries().build()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                workers.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                         var read = c.prepareStatement("select animal_id, partner_code, org_id, payload_hash, payload "
                                 + "from animal_export_state where org_id = ? and partner_code in ('petrescue', 'savourlife') "
                                 + "and state = 'listed' order by animal_id, partner_code");
                         var write = c.prepareStatement("insert into floor_state (animal_id, partner_code, org_id, state, "
                                 + "payload_hash, payload, partner_ref, last_sent_at, updated_at) "
                                 + "values (?, ?, ?, 'listed', ?, ?, ?, now(), now()) on conflict (animal_id, partner_code) "
                                 + "do update set payload_hash = excluded.payload_hash, payload = excluded.payload, "
                                 + "partner_ref = excluded.partner_ref, last_sent_at = now(), updated_at = now()")) {
                        for (int orgId = nextOrg.getAndIncrement(); orgId <= orgs; orgId = nextOrg.getAndIncrement()) {
                            long readStart = System.nanoTime();
                            List<Object[]> rows = new ArrayList<>();
                            read.setLong(1, orgId);
                            try (var rs = read.executeQuery()) {
                                while (rs.next()) {
                                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)});
                                }
                            }
                            readNanos.addAndGet(System.nanoTime() - readStart);
                            for (Object[] row : rows) {
                                var post = new HttpPost(upsertUrls.get((String) row[1]));
                                post.setEntity(new StringEntity((String) row[4],
                                        ContentType.APPLICATION_JSON));
                                String answer = http.execute(post, response -> {
                                    if (response.getCode() >= 300) {
                                        throw new IOException("the peer answered " + response.getCode());
                                    }
                                    return EntityUtils.toString(response.getEntity());
                                });
                                calls.incrementAndGet();
                                write.setLong(1, (Long) row[0]);
                                write.setString(2, (String) row[1]);
                                write.setLong(3, (Long) row[2]);
                                write.setString(4, (String) row[3]);
                                write.setString(5, (String) row[4]);
                                write.setString(6, answer);
                                write.executeUpdate();
                            }
                        }
                    }
                    clientCpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop table floor_state");
        }
        return new ApiFloor(calls.get(), seconds, readNanos.get() / 1e9 / parallel, clientCpuNanos.get() / 1e9);
    }

    /** Time in SQL steps over the time of all export work, from Camel's JMX processor and route statistics. */
    private static double databaseShare() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double sql = 0;
        double outsideUnits = 0;
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:type=processors,*"), null)) {
            Object destination = safe(server, name, "Destination");
            if (destination != null && destination.toString().startsWith("sql")) {
                double total = ((Number) server.getAttribute(name, "TotalProcessingTime")).doubleValue();
                sql += total;
                String route = String.valueOf(safe(server, name, "RouteId"));
                if (!route.equals("ftp-feed") && !route.equals("api-push") && !route.equals("hold-feed")
                        && !route.equals("release-feed-claim")) {
                    outsideUnits += total;
                }
            }
        }
        double units = 0;
        for (String route : List.of("ftp-feed", "api-push")) {
            for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"" + route + "\",*"), null)) {
                units += ((Number) server.getAttribute(name, "TotalProcessingTime")).doubleValue();
            }
        }
        return units + outsideUnits == 0 ? 0 : sql / (units + outsideUnits);
    }

    private static Object safe(MBeanServer server, ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The most heap in use at once, sampled every 50 ms (summing each pool's own peak would overstate it), and the
     * most heap still in use right after a full collection: what the service really holds, garbage not counted.
     * A throughput collector lets garbage fill the heap before it collects, so the first figure nears the maximum
     * heap by design; the second shows whether memory grows with the number of animals.
     */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;
        private volatile long peakAfterCollection;
        private volatile int fullCollections;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
            // After every full collection: the heap left in use is what the service holds (a young collection
            // leaves the old generation's garbage in place).
            for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        if (info.getGcAction().contains("major")) {
                            long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                    .mapToLong(MemoryUsage::getUsed).sum();
                            peakAfterCollection = Math.max(peakAfterCollection, after);
                            fullCollections++;
                        }
                    }
                }, null, null);
            }
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The most heap in use right after a full collection, or -1 when none ran. */
        long peakAfterCollection() {
            return fullCollections == 0 ? -1 : peakAfterCollection;
        }

        int fullCollections() {
            return fullCollections;
        }

        long stopAndPeak() {
            running = false;
            return peak;
        }
    }

    private static String stolen(CpuSpan.Used used) {
        return used.stolen() < 0 ? "unknown" : String.format("%.1f s", used.stolen());
    }

    /**
     * The heap's limit (-Xmx). Not Runtime.maxMemory() nor the heap usage's max: with the throughput collector
     * both leave out a survivor space, and the heap in use showed above them.
     */
    private static long maxHeapMegabytes() {
        return Long.parseLong(ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxHeapSize").getValue()) / 1024 / 1024;
    }

    /** The CPU the JVM (by thread kind) and PostgreSQL (by process kind) use from {@link #start} to {@link #end}. */
    private record CpuSpan(double jvmBefore, Map<String, ThreadCpu> threadsBefore, Map<String, Double> postgresBefore,
                           double stolenBefore) {

        /** @param stolen what the hypervisor gave to other machines of the cores' time (-1: not known) */
        record Used(double jvm, Map<String, Double> jvmByThread, Map<String, Double> postgresByProcess, double stolen) {

            double postgres() {
                return postgresByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
            }
        }

        static CpuSpan start() {
            return new CpuSpan(jvmCpuSeconds(), jvmThreadCpuSeconds(), postgresCpuSeconds(), stolenSeconds());
        }

        Used end() {
            double jvm = jvmCpuSeconds() - jvmBefore;
            double stolen = stolenSeconds();
            return new Used(jvm, jvmCpuByThread(threadsBefore, jvm), minus(postgresCpuSeconds(), postgresBefore),
                    stolen < 0 || stolenBefore < 0 ? -1 : stolen - stolenBefore);
        }
    }

    /**
     * Steal time of all cores so far, from /proc/stat (Linux; -1 elsewhere): on a virtual machine, the time its cores
     * waited while the host ran others. The same work takes longer the more is stolen, so figures of two runs compare
     * only where little was.
     */
    private static double stolenSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return cpu.length > 8 && cpu[0].equals("cpu") ? Long.parseLong(cpu[8]) / 100.0 : -1; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of this JVM: the service and the FTP and HTTP peers. */
    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU time of this JVM's live threads so far, from /proc/self/task (Linux), by thread id with the thread's kind:
     * "service" (Camel's threads and the connection pool's), "JIT compiler", "GC and VM" (garbage collector
     * threads, the VM thread), "peers" (the FTP and HTTP stand-ins' pool and I/O threads), "profiler" (JFR's, with
     * -Dbench.jfr); other threads are not listed. Empty where /proc is not there.
     */
    private static Map<String, ThreadCpu> jvmThreadCpuSeconds() {
        Map<String, ThreadCpu> cpu = new HashMap<>();
        for (Path dir : procEntries(Path.of("/proc/self/task"))) {
            ProcStat stat = ProcStat.read(dir);
            if (stat == null) {
                continue;
            }
            String kind = threadKind(stat.name());
            if (kind != null) {
                cpu.put(dir.getFileName().toString(), new ThreadCpu(kind, stat.cpuSeconds()));
            }
        }
        return cpu;
    }

    /**
     * The nice values this JVM's threads run at, by kind (as in {@link #jvmThreadCpuSeconds()}), lowest first: whether
     * the compiler threads got ahead of the service's. Empty where /proc is not there.
     */
    private static Map<String, SortedSet<Integer>> jvmThreadNiceValues() {
        Map<String, SortedSet<Integer>> nice = new TreeMap<>();
        for (Path dir : procEntries(Path.of("/proc/self/task"))) {
            ProcStat stat = ProcStat.read(dir);
            String kind = stat == null ? null : threadKind(stat.name());
            if (kind != null) {
                nice.computeIfAbsent(kind, k -> new TreeSet<>()).add(stat.nice());
            }
        }
        return nice;
    }

    /** One thread's kind and the CPU it used since it started. */
    private record ThreadCpu(String kind, double seconds) {
    }

    /** A thread's kind by its name, as {@link #jvmThreadCpuSeconds()} describes them; null for the others. */
    private static String threadKind(String name) {
        return name.startsWith("Camel (") || name.startsWith("animal-exports") ? "service"
                : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT compiler"
                : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "GC and VM"
                : name.startsWith("pool-") || name.startsWith("NioProcessor") || name.startsWith("NioSocket")
                || name.startsWith("HTTP-Dispatch") ? "peers"
                : name.startsWith("JFR ") ? "profiler" : null;
    }

    /**
     * CPU time of the PostgreSQL server's processes, from /proc (Linux), by kind: "connections" (the service's
     * and the harness's backends), "ended" (what the postmaster collected from children that ended: autovacuum
     * workers, closed connections), "background" (checkpointer, WAL writer, background writer, autovacuum
     * launcher, the postmaster itself). Empty where /proc is not there.
     */
    private static Map<String, Double> postgresCpuSeconds() {
        Map<String, Double> cpu = new TreeMap<>();
        for (Path dir : procEntries(Path.of("/proc"))) {
            if (!dir.getFileName().toString().matches("[0-9]+")) {
                continue;
            }
            ProcStat stat = ProcStat.read(dir);
            String command;
            try {
                command = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
            } catch (IOException gone) {
                continue;
            }
            if (stat == null || !stat.name().startsWith("postgres")) {
                continue;
            }
            ProcStat parent = ProcStat.read(Path.of("/proc", stat.fields()[1]));
            boolean postmaster = parent == null || !parent.name().startsWith("postgres");
            String kind = postmaster || !command.startsWith("postgres: ") ? "background"
                    : command.matches("postgres: (checkpointer|background writer|walwriter|autovacuum launcher|"
                    + "logical replication launcher|startup|archiver).*") ? "background" : "connections";
            cpu.merge(kind, stat.cpuSeconds(), Double::sum);
            if (postmaster) {
                cpu.merge("ended", stat.endedChildrenCpuSeconds(), Double::sum);
            }
        }
        return cpu;
    }

    /** The entries of a /proc directory; none where /proc is not there (not Linux). */
    private static List<Path> procEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A process's or thread's /proc stat: its name and the fields after it (fields[0] is field 3, the state). */
    private record ProcStat(String name, String[] fields) {

        /** Null when the process or thread is gone. */
        static ProcStat read(Path procDir) {
            String stat;
            try {
                stat = Files.readString(procDir.resolve("stat"));
            } catch (IOException gone) {
                return null;
            }
            int close = stat.lastIndexOf(')');
            return new ProcStat(stat.substring(stat.indexOf('(') + 1, close), stat.substring(close + 2).split(" "));
        }

        /** utime + stime, in seconds (USER_HZ 100). */
        double cpuSeconds() {
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }

        /** The nice value: the lower, the larger the share of the CPU the scheduler gives it when others wait. */
        int nice() {
            return Integer.parseInt(fields[16]);
        }

        /** cutime + cstime: what children that ended used, in seconds. */
        double endedChildrenCpuSeconds() {
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        }
    }

    /**
     * The JVM's CPU by thread kind over a span: what the threads alive at its end used in it. What threads that
     * ended within the span used (the compiler threads the JVM stops when idle among them) is in "other or ended".
     */
    private static Map<String, Double> jvmCpuByThread(Map<String, ThreadCpu> before, double jvmCpu) {
        Map<String, Double> byKind = new TreeMap<>();
        jvmThreadCpuSeconds().forEach((id, now) -> byKind.merge(now.kind(),
                now.seconds() - (before.containsKey(id) ? before.get(id).seconds() : 0), Double::sum));
        byKind.put("other or ended threads", jvmCpu - byKind.values().stream().mapToDouble(Double::doubleValue).sum());
        return byKind;
    }

    private static String seconds(Map<String, Double> byKind) {
        return byKind.entrySet().stream().map(e -> String.format("%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((k, v) -> out.put(k, v - before.getOrDefault(k, 0.0)));
        return out;
    }

    /** The statements PostgreSQL spent the most time on (planning and execution) during the full cycle. */
    private static String statementBreakdown(Fixture db) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> r : db.query("select calls, total_plan_time, total_exec_time, rows, "
                + "regexp_replace(query, '\\s+', ' ', 'g') as query from pg_stat_statements "
                + "where dbid = (select oid from pg_database where datname = current_database()) "
                + "order by total_plan_time + total_exec_time desc limit 8")) {
            String query = (String) r.get("query");
            double plan = ((Number) r.get("total_plan_time")).doubleValue();
            double exec = ((Number) r.get("total_exec_time")).doubleValue();
            long calls = ((Number) r.get("calls")).longValue();
            out.append(String.format("  %8.1f s planning + %6.1f s execution, %7.3f ms mean, %,9d calls, %,10d rows  %s%n",
                    plan / 1000, exec / 1000, (plan + exec) / Math.max(1, calls), calls, ((Number) r.get("rows")).longValue(),
                    query.substring(0, Math.min(90, query.length()))));
        }
        return out.toString();
    }
}
