package io.github.tokjoule.examples;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the analysis's warnings to standard error, each distinct one once with its count: a warning about every cell
 * ({@code <cell dir>/profile_export.jsonl: ...} 384 times) reads as one line with "384 ×" and its first file.
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
        Map<String, Group> groups = group(warnings);
        for (Map.Entry<String, Group> g : groups.entrySet()) {
            Group v = g.getValue();
            err.println("tokjoule " + command + ": warning: " + prefix(v) + g.getKey());
        }
        err.flush();
    }

    /** {@code "<file>: "}, {@code "384 x, first <file>: "}, {@code "3 x: "} (a warning naming no file), or nothing. */
    static String prefix(Group g) {
        if (g.count == 1) {
            return g.where.isEmpty() ? "" : g.where + ": ";
        }
        return g.count + " x" + (g.where.isEmpty() ? ": " : ", first " + g.where + ": ");
    }

    /** The warnings by text, in order of first appearance. */
    static Map<String, Group> group(List<String> warnings) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String w : warnings) {
            int colon = w.indexOf(": ");
            boolean onFile = colon > 0
                    && (w.indexOf('/') >= 0 && w.indexOf('/') < colon
                            || w.indexOf('\\') < colon && w.indexOf('\\') >= 0);
            String where = onFile ? w.substring(0, colon) : "";
            String text = onFile ? w.substring(colon + 2) : w;
            groups.computeIfAbsent(text, k -> new Group(where)).count++;
        }
        return groups;
    }

    /** How often one text occurred, and the first file it named. */
    static final class Group {
        final String where;
        int count;

        Group(String where) {
            this.where = where;
        }
    }
}
