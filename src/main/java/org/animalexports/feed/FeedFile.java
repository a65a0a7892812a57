package org.animalexports.feed;

/** One file of a feed: where it goes (directory relative to the FTP login's home, may be empty) and its bytes. */
public record FeedFile(String directory, String name, byte[] content) {

    public String path() {
        return directory.isEmpty() ? name : directory + "/" + name;
    }
}
