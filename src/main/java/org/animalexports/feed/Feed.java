package org.animalexports.feed;

import java.util.List;

/** What one organisation's feed for one partner holds, before it is uploaded. */
public record Feed(List<FeedFile> files, List<Listing> listings, List<Rejection> rejections, String contentHash) {

    public long bytes() {
        return files.stream().mapToLong(f -> f.content().length).sum();
    }
}
