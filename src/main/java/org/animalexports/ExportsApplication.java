package org.animalexports;

import org.animalexports.operations.OperatorCommands;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;

import java.util.Arrays;

/**
 * Starts the export service (Camel Main with the YAML routes of routes/). With {@code --once} it runs one
 * complete export cycle and exits: 0 when everything was delivered, 1 when a run failed or a feed was held,
 * 2 when the cycle broke. {@code dead-letters ...}, {@code held-feeds ...} and {@code organizations run} run an operator command.
 */
public final class ExportsApplication {

    private ExportsApplication() {
    }

    public static void main(String[] args) throws Exception {
        boolean once = Arrays.asList(args).contains("--once");
        Main main = new Main();
        main.configure().addConfiguration(new ExportsConfiguration());
        if (OperatorCommands.handles(args)) {
            System.exit(runCommand(main, args, System.out));
        }
        if (!once) {
            main.run(args);
            return;
        }
        main.addOverrideProperty("exports.scheduler-enabled", "false");
        System.exit(runOnce(main));
    }

    /** An operator command (dead-letters, held-feeds) against the configured database, with no schedule running. */
    static int runCommand(Main main, String[] args, java.io.PrintStream out) throws Exception {
        main.addOverrideProperty("exports.scheduler-enabled", "false");
        main.start();
        try {
            return new OperatorCommands(main.getCamelContext(), out).run(args);
        } finally {
            main.stop();
        }
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
