package org.animalexports.support;

import java.io.InterruptedIOException;

/** What the test peers do to stand for a partner a round trip away: hold the reply. */
final class RoundTrip {

    private RoundTrip() {
    }

    /** Holds the calling peer thread this long; 0 or less: loopback, no wait. */
    static void pause(long millis) throws InterruptedIOException {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while simulating a round trip");
        }
    }
}
