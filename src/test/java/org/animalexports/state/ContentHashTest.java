package org.animalexports.state;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentHashTest {

    @Test
    void leadingDigitsOfTheTextsSha256() throws Exception {
        assertThat(ContentHash.sha256("", 64)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(ContentHash.sha256("abc", 16)).isEqualTo("ba7816bf8f01cfea");
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            String text = randomText(random);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            for (int length : new int[] {16, 32, 64}) {
                assertThat(ContentHash.sha256(text, length)).isEqualTo(expected.substring(0, length));
            }
        }
    }

    @Test
    void threadsHashingAtOnceGetTheirOwnResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                checks.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    MessageDigest own = MessageDigest.getInstance("SHA-256");
                    for (int i = 0; i < 5_000; i++) {
                        String text = randomText(random);
                        String expected = HexFormat.of().formatHex(own.digest(text.getBytes(StandardCharsets.UTF_8)));
                        if (!ContentHash.sha256(text, 32).equals(expected.substring(0, 32))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lengthsOutsideTheDigestAreRefused() {
        assertThatThrownBy(() -> ContentHash.sha256("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentHash.sha256("x", 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentHash.sha256("x", 66)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(300);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? (char) (0xe0 + random.nextInt(0x500)) : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }
}
