package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@link Table} as CSV with the quoting and number format of {@link CellResultsCsv} (RFC 4180:
 * comma-separated, fields quoted when they hold a comma, a quote or a line break; {@code \n} line ends). Numbers are
 * written at full precision ({@link Double#toString(double)}, root locale), not rounded as on the page; whole numbers
 * of a column printed without decimals (counts) stay integers; an unknown number is an empty field.
 *
 * <p>Unless the table already has them (the cell table), two columns are appended: {@code method}, the methods of
 * the row's numbers, and {@code flags}, the flags that make any of them approximate, each {@code ;}-separated.
 */
public final class CsvWriter {

    private CsvWriter() {}

    /**
     * Writes a table.
     *
     * @param table the table
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Table table, Writer out) throws IOException {
        boolean annotate = !table.columns().contains("method");
        StringBuilder sb = new StringBuilder(64 * (table.rows().size() + 1));
        line(sb, annotate ? concat(table.columns(), "method", "flags") : table.columns());
        for (List<Table.Entry> row : table.rows()) {
            Set<String> methods = new LinkedHashSet<>();
            Set<String> flags = new LinkedHashSet<>();
            String[] fields = new String[row.size() + (annotate ? 2 : 0)];
            for (int i = 0; i < row.size(); i++) {
                Table.Entry e = row.get(i);
                if (e instanceof Table.Num n) {
                    fields[i] = full(n);
                    if (!n.method().isEmpty()) {
                        methods.add(n.method());
                    }
                    flags.addAll(n.flags());
                } else {
                    fields[i] = ((Table.Text) e).text();
                }
            }
            if (annotate) {
                fields[row.size()] = String.join(";", methods);
                fields[row.size() + 1] = String.join(";", flags);
            }
            line(sb, List.of(fields));
            if (sb.length() > 1 << 16) {
                out.write(sb.toString());
                sb.setLength(0);
            }
        }
        out.write(sb.toString());
    }

    /** Full precision for measured values; whole numbers printed without decimals stay integers. */
    static String full(Table.Num n) {
        double v = n.value();
        if (!Double.isFinite(v)) {
            return CellResultsCsv.number(v);
        }
        if (n.decimals() == 0 && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return CellResultsCsv.number(v);
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(CellResultsCsv.quote(fields.get(i)));
        }
        sb.append('\n');
    }
}
