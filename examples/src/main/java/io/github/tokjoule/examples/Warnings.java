package io.github.tokjoule.examples;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the analysis's warnings to standard error, each distinct one once with its count: a warning about every cell
 * ({@code <cell dir>/profile_export.jsonl: ...} 384 times) reads as one line with "384 x" and its first file.
 *
 * <p>Warnings are grouped by their first line with every run of digits read as one number, so that one cause over
 * many files whose counts differ ({@code 34 lines, 33 samples, 1 malformed} in one log, {@code 37 lines, 36 samples,
 * 1 malformed} in the next) is still told once; the group then says that its numbers differ and shows the first in
 * full.
 */
final class Warnings {

    private Warnings() {}

    /**
     * Prints the warnings grouped by their text after the file they name.
     *
     * @param err standard error
     * @param command the command's name
     * @param warnings the analysis's warnings, each optionally prefixed by {@code <path>: }
     */
    static void print(PrintWriter err, String command, List<String> warnings) {
        for (Group g : group(warnings).values()) {
            err.println("tokjoule " + command + ": warning: " + prefix(g) + g.text);
        }
        err.flush();
    }

    /**
     * {@code "<file>: "}, {@code "384 x, first <file>: "}, {@code "3 x: "} (a warning naming no file), with {@code
     * (numbers differ, the first shown)} after the count when the group's texts are not all equal; or nothing.
     */
    static String prefix(Group g) {
        if (g.count == 1) {
            return g.where.isEmpty() ? "" : g.where + ": ";
        }
        String count = g.count + " x" + (g.varies ? " (numbers differ, the first shown)" : "");
        return count + (g.where.isEmpty() ? ": " : ", first " + g.where + ": ");
    }

    /** The warnings by the shape of their first line, in order of first appearance. */
    static Map<String, Group> group(List<String> warnings) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String w : warnings) {
            int colon = w.indexOf(": ");
            boolean onFile = colon > 0
                    && (w.indexOf('/') >= 0 && w.indexOf('/') < colon
                            || w.indexOf('\\') < colon && w.indexOf('\\') >= 0);
            String where = onFile ? w.substring(0, colon) : "";
            String text = onFile ? w.substring(colon + 2) : w;
            if (onFile && text.startsWith(where + ": ")) {
                text = text.substring(where.length() + 2); // a parse summary names its file again
            }
            Group g = groups.computeIfAbsent(shape(text), k -> new Group(where));
            if (g.count == 0) {
                g.text = text;
            } else {
                g.varies |= !g.text.equals(text);
            }
            g.count++;
        }
        return groups;
    }

    /** The first line with each run of digits replaced by {@code #}: what stays the same when only counts differ. */
    static String shape(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replaceAll("[0-9]+", "#");
    }

    /** How often one warning occurred, the first file it named and its first text. */
    static final class Group {
        final String where;
        String text = "";
        int count;
        boolean varies;

        Group(String where) {
            this.where = where;
        }
    }
}
