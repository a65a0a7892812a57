package org.animalexports.feed;

import org.animalexports.partner.PartnerEndpoints;
import org.apache.camel.Exchange;

import java.util.List;
import java.util.Map;

/**
 * Steps through a feed's files for the upload loop of routes/ftp-feed.camel.yaml: each pass puts the next file's
 * bytes in the body, its name in CamelFileName and its destination in the uploadUri header.
 *
 * <p>Files that go to the same directory go over one login: the upload endpoint stays connected between them and
 * disconnects after the last one ({@code disconnectOnBatchComplete}, see {@link PartnerEndpoints#uploadUri}), which
 * this step marks with the exchange property CamelBatchComplete. A failed upload disconnects at once.
 */
public class FeedUploads {

    private final PartnerEndpoints endpoints;

    public FeedUploads(PartnerEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @SuppressWarnings("unchecked")
    public void nextFile(Exchange exchange) {
        List<FeedFile> files = exchange.getProperty("feedFiles", List.class);
        int index = exchange.getProperty(Exchange.LOOP_INDEX, 0, Integer.class);
        FeedFile file = files.get(index);
        Map<String, Object> account = exchange.getProperty("account", Map.class);
        exchange.getMessage().setBody(file.content());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, file.name());
        exchange.getMessage().setHeader("feedFilePath", file.path());
        exchange.getMessage().setHeader("uploadUri",
                endpoints.uploadUri((String) account.get("partner_code"), account, file.directory()));
        boolean lastInDirectory = index == files.size() - 1 || !files.get(index + 1).directory().equals(file.directory());
        exchange.setProperty(Exchange.BATCH_COMPLETE, lastInDirectory);
    }
}
