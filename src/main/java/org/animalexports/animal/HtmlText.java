package org.animalexports.animal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a description that may hold HTML into plain text with {@code \n} line breaks. */
public final class HtmlText {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?(</\\1\\s*>|$)");
    private static final Pattern LINE_BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END_TAG = Pattern.compile("(?i)</(p|div|h[1-6]|ul|ol|table|tr|blockquote)\\s*>");
    private static final Pattern LIST_ITEM_TAG = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern ANY_TAG = Pattern.compile("(?s)<[a-zA-Z/!][^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
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
            if (containsIgnoreCase(s, "<br")) {
                s = LINE_BREAK_TAG.matcher(s).replaceAll("\n");
            }
            if (s.contains("</")) {
                s = BLOCK_END_TAG.matcher(s).replaceAll("\n\n");
            }
            if (containsIgnoreCase(s, "<li")) {
                s = LIST_ITEM_TAG.matcher(s).replaceAll("\n- ");
            }
            s = ANY_TAG.matcher(s).replaceAll("");
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

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
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
                default -> numeric(entity, m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
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
