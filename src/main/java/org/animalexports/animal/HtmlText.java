package org.animalexports.animal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a description that may hold HTML into plain text with {@code \n} line breaks.
 *
 * <p>The passes run in a fixed order, each over the previous one's result. All but the rare ones (script and style
 * blocks, control characters, runs of spaces) are loops over the characters rather than regular expressions: each
 * does exactly what the expression in its comment would do with {@code replaceAll}, at a fraction of the cost (the
 * expressions were 5.6 % of the benchmark's FTP part, an eighth of building the feeds). HtmlTextTest holds the
 * expressions and compares.
 */
public final class HtmlText {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");
    private static final Set<String> BLOCK_ELEMENTS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "tr", "blockquote");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile(" {2,}");

    private HtmlText() {
    }

    public static String toPlainText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Each pass runs only when the text can hold what it looks for: a regex pass over a description costs far
        // more than the indexOf that rules it out, and most descriptions use few of these constructs.
        String s = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        if (s.indexOf('<') >= 0) {
            if (containsIgnoreCase(s, "<script") || containsIgnoreCase(s, "<style")) {
                s = SCRIPT_OR_STYLE.matcher(s).replaceAll("");
            }
            s = replaceTags(s, Tag.LINE_BREAK, "\n");
            s = replaceTags(s, Tag.BLOCK_END, "\n\n");
            s = replaceTags(s, Tag.LIST_ITEM, "\n- ");
            s = replaceTags(s, Tag.ANY, "");
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        if (hasControl(s)) {
            s = CONTROL.matcher(s).replaceAll("");
        }
        StringBuilder out = new StringBuilder(s.length());
        int blankRun = 0;
        int start = 0;
        while (start <= s.length()) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                end = s.length();
            }
            String trimmed = normalizeSpaces(s.substring(start, end));
            start = end + 1;
            if (trimmed.isEmpty()) {
                blankRun++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blankRun > 0 ? "\n\n" : "\n");
            }
            out.append(trimmed);
            blankRun = 0;
        }
        return out.toString();
    }

    /** Tabs and no-break spaces as spaces, runs of spaces as one, no leading or trailing white space. */
    private static String normalizeSpaces(String line) {
        return collapseSpaces(line.replace('\t', ' ').replace('\u00a0', ' ')).strip();
    }

    /** Runs of spaces as one (the regex only when there is a run). */
    static String collapseSpaces(String s) {
        return s.contains("  ") ? SPACES.matcher(s).replaceAll(" ") : s;
    }

    private static boolean containsIgnoreCase(String s, String lowerNeedle) {
        int last = s.length() - lowerNeedle.length();
        for (int i = s.indexOf('<'); i >= 0 && i <= last; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds a control character other than line feed and tab (what CONTROL removes). */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' && c != '\n' && c != '\t') || (c >= '\u007f' && c <= '\u009f')) {
                return true;
            }
        }
        return false;
    }

    /** Escapes text for a partner that reads descriptions as HTML. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** What {@code &(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});} finds, decoded; an unknown name stays. */
    private static String decodeEntities(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int done = 0;
        for (int at = s.indexOf('&'); at >= 0; at = s.indexOf('&', at + 1)) {
            int end = entityEnd(s, at);
            if (end < 0) {
                continue;
            }
            String replacement = entity(s.substring(at + 1, end - 1), s.substring(at, end));
            out.append(s, done, at).append(replacement);
            done = end;
            at = end - 1;
        }
        return done == 0 ? s : out.append(s, done, s.length()).toString();
    }

    /** What an entity ({@code amp}, {@code #160}, {@code #x2014}) stands for; an unknown name stays as written. */
    static String entity(String entity, String written) {
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "ndash" -> "\u2013";
            case "mdash" -> "\u2014";
            case "hellip" -> "\u2026";
            case "rsquo" -> "\u2019";
            case "lsquo" -> "\u2018";
            case "rdquo" -> "\u201d";
            case "ldquo" -> "\u201c";
            default -> numeric(entity, written);
        };
    }

    /**
     * Where the entity starting with the {@code &} at {@code at} ends (after its {@code ;}), or -1 when none starts
     * there. The counted runs are whole runs: a shorter one would be followed by another digit or letter, not ';'.
     */
    private static int entityEnd(String s, int at) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
            boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            int from = hex ? i + 1 : i;
            int to = from;
            while (to < s.length() && (hex ? isAsciiHexDigit(s.charAt(to)) : isAsciiDigit(s.charAt(to)))) {
                to++;
            }
            int length = to - from;
            return length >= 1 && length <= (hex ? 6 : 7) && to < s.length() && s.charAt(to) == ';' ? to + 1 : -1;
        }
        int to = i;
        while (to < s.length() && isAsciiLetter(s.charAt(to))) {
            to++;
        }
        int length = to - i;
        return length >= 2 && length <= 8 && to < s.length() && s.charAt(to) == ';' ? to + 1 : -1;
    }

    /** The tags the passes replace; each {@link #end} says where such a tag starting at a '<' ends, or -1. */
    private enum Tag {
        /** {@code (?i)<br\s*&#47;?>} */
        LINE_BREAK {
            @Override
            int end(String s, int at) {
                if (!asciiIgnoreCase(s, at + 1, "br")) {
                    return -1;
                }
                int i = skipSpace(s, at + 3);
                if (i < s.length() && s.charAt(i) == '/') {
                    i++;
                }
                return i < s.length() && s.charAt(i) == '>' ? i + 1 : -1;
            }
        },
        /** {@code (?i)</(p|div|h[1-6]|ul|ol|table|tr|blockquote)\s*>} */
        BLOCK_END {
            @Override
            int end(String s, int at) {
                if (at + 1 >= s.length() || s.charAt(at + 1) != '/') {
                    return -1;
                }
                int from = at + 2;
                int to = from;
                while (to < s.length() && (isAsciiLetter(s.charAt(to)) || isAsciiDigit(s.charAt(to)))) {
                    to++;
                }
                if (to == from || to - from > 10 || !BLOCK_ELEMENTS.contains(asciiLowerCase(s, from, to))) {
                    return -1;
                }
                int i = skipSpace(s, to);
                return i < s.length() && s.charAt(i) == '>' ? i + 1 : -1;
            }
        },
        /** {@code (?i)<li\b[^>]*>} */
        LIST_ITEM {
            @Override
            int end(String s, int at) {
                if (!asciiIgnoreCase(s, at + 1, "li") || at + 3 >= s.length() || isWordChar(s.codePointAt(at + 3))) {
                    return -1;
                }
                int close = s.indexOf('>', at + 3);
                return close < 0 ? -1 : close + 1;
            }
        },
        /** {@code <[a-zA-Z/!][^>]*>} */
        ANY {
            @Override
            int end(String s, int at) {
                if (at + 1 >= s.length()) {
                    return -1;
                }
                char first = s.charAt(at + 1);
                if (!isAsciiLetter(first) && first != '/' && first != '!') {
                    return -1;
                }
                int close = s.indexOf('>', at + 2);
                return close < 0 ? -1 : close + 1;
            }
        };

        abstract int end(String s, int at);
    }

    /** The text with every such tag, left to right, replaced: what the tag's expression would do with replaceAll. */
    private static String replaceTags(String s, Tag tag, String replacement) {
        StringBuilder out = null;
        int done = 0;
        for (int at = s.indexOf('<'); at >= 0; at = s.indexOf('<', at + 1)) {
            int end = tag.end(s, at);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, done, at).append(replacement);
            done = end;
            at = end - 1;
        }
        return out == null ? s : out.append(s, done, s.length()).toString();
    }

    /** Whether {@code lowerWord} (ASCII letters) is at {@code at}, in any ASCII case, as (?i) matches without (?u). */
    private static boolean asciiIgnoreCase(String s, int at, String lowerWord) {
        if (at + lowerWord.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < lowerWord.length(); i++) {
            char c = s.charAt(at + i);
            char lower = lowerWord.charAt(i);
            if (c != lower && c != Character.toUpperCase(lower)) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLowerCase(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out[i - from] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new String(out);
    }

    /** Past the white space {@code \s} matches without (?U): space, tab, line feed, vertical tab, form feed, return. */
    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** A character that {@code \b} counts as part of a word (Java 17: letters, digits, '_', and combining marks). */
    private static boolean isWordChar(int codePoint) {
        return codePoint == '_' || Character.isLetterOrDigit(codePoint)
                || Character.getType(codePoint) == Character.NON_SPACING_MARK;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiHexDigit(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String numeric(String entity, String original) {
        if (!entity.startsWith("#")) {
            return original;
        }
        try {
            int codePoint = entity.startsWith("#x") || entity.startsWith("#X")
                    ? Integer.parseInt(entity.substring(2), 16)
                    : Integer.parseInt(entity.substring(1));
            if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                return "";
            }
            return new String(Character.toChars(codePoint));
        } catch (NumberFormatException e) {
            return original;
        }
    }
}
