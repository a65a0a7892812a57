package org.animalexports.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listings a feed records are written by hand to a generator: the same JSON as Jackson's binding of them. */
class ListingsJsonTest {

    @Test
    void listingsReadAsJacksonWritesThem() throws Exception {
        List<Listing> listings = List.of(
                new Listing(1, "0123456789abcdef", "1,\"Rex \"\"the dog\"\"\",\"Line 1\nLine 2\"\r\n"),
                new Listing(Long.MAX_VALUE, "", "caf\u00e9 \u2014 \ud83d\udc36 \\ \t\u0001 <b>&</b>"));
        assertThat(FeedBuilder.listingsJson(listings)).isEqualTo(new ObjectMapper().writeValueAsString(listings));
        assertThat(FeedBuilder.listingsJson(List.of())).isEqualTo("[]");
    }
}
