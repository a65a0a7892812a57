package org.animalexports.animal;

/** A picture URL with a version that changes whenever the picture row changes (its updated_at, in ms). */
public record Picture(String url, long version) {

    /** The URL with a cache-busting parameter, so a partner fetches the picture again after it changed. */
    public String cacheBustedUrl() {
        String separator = url.contains("?") ? "&" : "?";
        int fragment = url.indexOf('#');
        String base = fragment >= 0 ? url.substring(0, fragment) : url;
        return base + separator + "v=" + Long.toString(version, 36);
    }
}
