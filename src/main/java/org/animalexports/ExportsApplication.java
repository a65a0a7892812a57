package org.animalexports;

import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

import java.util.Arrays;

/**
 * Starts the export service (Camel Main with the YAML routes of routes/). With {@code --once} it runs one
 * complete export cycle and exits: 0 when everything was delivered, 1 when a run failed, 2 when the cycle broke.
 */
public final class ExportsApplication {

    private ExportsApplication() {
    }

    public static void main(String[] args) throws Exception {
        boolean once = Arrays.asList(args).contains("--once");
        Main main = new Main();
        main.configure().addConfiguration(new ExportsConfiguration());
        if (!once) {
            main.run(args);
            return;
        }
        main.addOverrideProperty("exports.scheduler-enabled", "false");
        System.exit(runOnce(main));
    }

    static int runOnce(Main main) throws Exception {
        main.start();
        try {
            Exchange result = main.getCamelContext().createProducerTemplate()
                    .send("direct:export-cycle", exchange -> { });
            if (result.getException() != null) {
                System.err.println("Export cycle failed: " + result.getException().getMessage());
                return 2;
            }
            long failures = result.getMessage().getHeader("cycleFailures", 0L, Long.class);
            return failures == 0 ? 0 : 1;
        } finally {
            main.stop();
        }
    }
}
