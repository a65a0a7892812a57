package org.animalexports.state;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

/** This service instance's name in claims: exports.instance-id, or host, process id and a random suffix. */
public class Instance {

    private final String id;

    public Instance(String configured) {
        this.id = configured == null || configured.isBlank() ? generated() : configured.trim();
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    /**
     * The name one cycle or sync claims accounts under: this instance and the run, so two runs of the same
     * instance (a change poll during a full cycle) never work on the same account at once either.
     */
    public String claimToken(String runId) {
        return id + "/" + runId;
    }
}
