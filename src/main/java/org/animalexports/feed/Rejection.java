package org.animalexports.feed;

/** An animal left out of a partner's export because one of its values cannot be mapped. */
public record Rejection(long id, String field, String message) {
}
