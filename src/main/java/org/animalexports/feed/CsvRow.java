package org.animalexports.feed;

import java.util.List;

/** A CSV row with every value double-quoted, quotes doubled and CRLF at the end (RFC 4180). */
final class CsvRow {

    private CsvRow() {
    }

    static String of(List<String> values) {
        StringBuilder row = new StringBuilder(values.size() * 16);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            // A line break inside a value would split the animal over two rows for partners that read line by line.
            v = v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace("\u0000", "");
            row.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return row.append("\r\n").toString();
    }
}
