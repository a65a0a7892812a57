package org.animalexports.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes the export state compares content by: the leading hex digits of a text's SHA-256. Each hash works on
 * a copy of one digest prepared at start, not on a new lookup of the algorithm ({@code MessageDigest.getInstance}),
 * which took the cold first export several times the hashing of a listing while its code was not yet compiled. The
 * prepared digest itself is never used, so threads share it safely.
 */
public final class ContentHash {

    private static final MessageDigest PREPARED = lookUp();

    private ContentHash() {
    }

    /** The first {@code length} (even, at most 64) lower-case hex digits of the text's SHA-256 in UTF-8. */
    public static String sha256(String text, int length) {
        if (length <= 0 || length > 64 || length % 2 != 0) {
            throw new IllegalArgumentException("a SHA-256 has 64 hex digits, taken in pairs: " + length);
        }
        byte[] digest = newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, length / 2);
    }

    /** A digest of its own, for content hashed in several pieces. */
    public static MessageDigest newDigest() {
        try {
            return (MessageDigest) PREPARED.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(); // a provider whose digests cannot be copied: the lookup every time
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
