package org.animalexports.api;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

import java.util.concurrent.Semaphore;

/**
 * One API sync at a time. A seda consumer with one thread does not ensure it: it takes the next exchange off the
 * queue as soon as the one before continues asynchronously, which the sync's parallel split does. A change poll
 * and a full cycle then ran side by side, and the full sync skipped every organisation the poll had claimed, so
 * their unchanged animals waited for the next cycle. The route takes its turn here and gives it back when the
 * exchange completes, failed or not.
 */
public class SyncTurn {

    private final Semaphore turn = new Semaphore(1, true);

    public void take(Exchange exchange) throws InterruptedException {
        turn.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                turn.release();
            }
        });
    }
}
