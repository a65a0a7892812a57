package org.animalexports.feed;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV rows: quoted values, quotes doubled, line breaks as spaces, NUL left out, CRLF at the end. */
class CsvRowTest {

    @Test
    void quotesEveryValueAndKeepsEachAnimalOnOneLine() {
        assertThat(CsvRow.of(Arrays.asList("1", null, "say \"hi\"", "a\r\nb\rc\nd", "x\u0000y", "\r\n\n", "")))
                .isEqualTo("\"1\",\"\",\"say \"\"hi\"\"\",\"a b c d\",\"xy\",\"  \",\"\"\r\n");
    }

    @Test
    void agreesWithTheRulesAppliedOneAtATime() {
        // The rules as separate passes over the value, as the class applied them before its one-pass form.
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', ' ', ',', '"', '\r', '\n', '\u0000', '\u00e9', '\t'};
        for (int n = 0; n < 20_000; n++) {
            List<String> values = new ArrayList<>();
            for (int v = random.nextInt(4); v >= 0; v--) {
                StringBuilder s = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) {
                    s.append(alphabet[random.nextInt(alphabet.length)]);
                }
                values.add(random.nextInt(10) == 0 ? null : s.toString());
            }
            assertThat(CsvRow.of(values)).as(values.toString()).isEqualTo(passByPass(values));
        }
    }

    private static String passByPass(List<String> values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            v = v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace("\u0000", "");
            row.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return row.append("\r\n").toString();
    }
}
