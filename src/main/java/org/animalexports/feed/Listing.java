package org.animalexports.feed;

/** One animal as it went into a feed: its row and a hash of it, kept as the animal's export state. */
public record Listing(long id, String hash, String row) {
}
