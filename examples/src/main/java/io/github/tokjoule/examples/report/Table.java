package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report table: an id (its CSV file name), a title, a caption saying how its numbers were computed, column headers
 * and rows of entries. Written alike to HTML, Markdown and CSV.
 *
 * @param id the file-name-safe id, e.g. {@code power}
 * @param title e.g. {@code Average power per model and mode}
 * @param caption how the numbers were computed, with their method
 * @param columns the column headers, with units
 * @param rows the rows; each has one entry per column
 */
public record Table(String id, String title, String caption, List<String> columns, List<List<Entry>> rows) {

    /**
     * Copies the lists and checks the shape.
     *
     * @throws IllegalArgumentException if a row does not have one entry per column
     */
    public Table {
        columns = List.copyOf(columns);
        List<List<Entry>> copy = new ArrayList<>(rows.size());
        for (List<Entry> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": row has " + row.size() + " entries for "
                        + columns.size() + " columns: " + row);
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** A table entry: text or a number. */
    public sealed interface Entry permits Text, Num {}

    /**
     * A text entry.
     *
     * @param text the text
     */
    public record Text(String text) implements Entry {}

    /**
     * A numeric entry that carries how it was computed.
     *
     * @param value the value (NaN prints as an em dash in HTML and Markdown, empty in CSV)
     * @param decimals the decimals to print
     * @param suffix printed after the number in HTML and Markdown (e.g. {@code x} for a speedup), not in CSV
     * @param method the method, e.g. {@code MEASURED}; for a number that does not depend on the energy method, the
     *     tool that measured it ({@code aiperf}, {@code tegrastats}); empty for counts and identities
     * @param flags names of the flags that make the value approximate (empty when exact)
     * @param low the lower end of the value's 95 % interval, NaN if none
     * @param high the upper end of the value's 95 % interval, NaN if none
     */
    public record Num(
            double value, int decimals, String suffix, String method, List<String> flags, double low, double high)
            implements Entry {

        /** Copies the flags. */
        public Num {
            flags = List.copyOf(flags);
        }

        /**
         * A number without interval.
         *
         * @param value the value
         * @param decimals the decimals of the CSV's whole-number test
         * @param suffix the suffix
         * @param method the method
         * @param flags the flags
         */
        public Num(double value, int decimals, String suffix, String method, List<String> flags) {
            this(value, decimals, suffix, method, flags, Double.NaN, Double.NaN);
        }

        /** {@return whether the value has a 95 % interval} */
        public boolean hasInterval() {
            return Double.isFinite(low) && Double.isFinite(high);
        }

        /**
         * {@return the value as the page prints it: {@link #printedValue()}, then {@code ±} and the interval's
         * half-width to two significant figures when there is one; empty for NaN}
         */
        public String display() {
            String s = printedValue();
            if (!s.isEmpty() && hasInterval()) {
                s += " ± " + Sig.of((high - low) / 2, 2);
            }
            return s;
        }

        /**
         * {@return the value alone as the page prints it: three significant figures ({@link Sig}) or, for a whole
         * number printed without decimals (a count), the integer ({@code 20}, not {@code 20.0}); empty for NaN}
         */
        public String printedValue() {
            if (!Double.isFinite(value)) {
                return "";
            }
            return decimals == 0 && value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Sig.of(value);
        }

        /** {@return the number alone, in the root locale, or an empty string for NaN} */
        public String plain() {
            return Double.isFinite(value) ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", value) : "";
        }
    }

    /**
     * Returns a text entry.
     *
     * @param text the text
     * @return the entry
     */
    public static Entry text(String text) {
        return new Text(text);
    }

    /**
     * Returns a number that does not depend on the energy method (a latency, a count).
     *
     * @param value the value
     * @param decimals decimals to print
     * @return the entry
     */
    public static Entry num(double value, int decimals) {
        return new Num(value, decimals, "", "", List.of());
    }

    /**
     * Returns a number computed with a method, marked with the flags that make it approximate.
     *
     * @param value the value
     * @param decimals decimals to print
     * @param method the method
     * @param flags the flag names
     * @return the entry
     */
    public static Entry num(double value, int decimals, String method, List<String> flags) {
        return new Num(value, decimals, "", method, flags);
    }

    /**
     * Returns a cell's metric value with the method and the flags that affect that metric; a failed cell gives NaN.
     *
     * @param cell the cell
     * @param metric the metric
     * @return the entry
     */
    public static Entry metric(CellRow cell, Metric metric) {
        CellRow.Interval i = cell.interval(metric).orElse(new CellRow.Interval(Double.NaN, Double.NaN));
        return new Num(
                cell.value(metric),
                metric.decimals(),
                "",
                metric.isEnergyDerived() ? cell.method() : metric.source(),
                cell.flagsOn(metric),
                i.low(),
                i.high());
    }
}
