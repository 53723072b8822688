package io.github.tokjoule.examples.report;

import io.github.tokjoule.jetson.analysis.CellResultsCsv;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The page's cell table: every column of {@code cells.csv} a reader needs, in column groups the reader can show or
 * hide, its rows rendered by the page's script from one compact JSON block (for 384 cells × 46 columns that is about
 * a third of the bytes of the same table written out as HTML, with each number's interval and flags kept).
 *
 * <p>The interval-bound columns ({@code *_ci95_low}, {@code *_ci95_high}) are not columns here: each value with an
 * interval prints as {@code value ± half-width} with the bounds in its tooltip. The header is static HTML, each column
 * with its human label, its group ({@code data-g}) and, for numbers, its method ({@code data-method}); the report has
 * one energy method, so every number of a column shares it.
 *
 * <p>JSON layout: {@code {"f":[[name,code],…],"l":[[flag,…],…],"k":[0|1,…],"r":[[entry,…],…]}}: the flag names and
 * codes; the distinct lists of flags that make a value approximate (indices into {@code f}); per column 1 for text;
 * one array per row. An entry is {@code null} (unknown), a string or a number (the printed text: a number only where
 * JavaScript prints it back the same), {@code [v,k]} (flagged by list {@code k}), {@code [v,pm,lo,hi]} (with its
 * interval's half-width and bounds) or {@code [v,pm,lo,hi,k]}.
 */
final class CellTableHtml {

    /**
     * A column group: its label, whether it is shown at first, and its columns in page order. Only the cell's identity
     * and its tokens per joule are shown at first: together they fit a 1280 px window, where all groups together
     * (46 columns) would scroll sideways; the reader ticks the others.
     */
    private record Group(String label, boolean shown, List<String> columns) {}

    private static final List<Group> GROUPS = List.of(
            new Group("Cell", true, List.of("mode", "model", "ctx", "gen", "status")),
            group(
                    "Latency and throughput",
                    false,
                    Metric.ISL,
                    Metric.OSL,
                    Metric.TTFT_P50_MS,
                    Metric.ITL_P50_MS,
                    Metric.RL_P50_MS,
                    Metric.TOK_S,
                    Metric.PREFILL_TOK_S,
                    Metric.DECODE_TIME_P50_S),
            group(
                    "Power and energy per request",
                    false,
                    Metric.POWER_W,
                    Metric.PREFILL_POWER_W,
                    Metric.DECODE_POWER_W,
                    Metric.ENERGY_TOTAL_J,
                    Metric.ENERGY_PREFILL_J,
                    Metric.ENERGY_DECODE_J,
                    Metric.PREFILL_SHARE_PCT,
                    Metric.REQUEST_ENERGY_P50_J,
                    Metric.REQUEST_ENERGY_P90_J),
            group(
                    "Tokens per joule",
                    true,
                    Metric.OUTPUT_TOK_PER_J,
                    Metric.PREFILL_TOK_PER_J,
                    Metric.DECODE_TOK_PER_J,
                    Metric.TOTAL_TOK_PER_J,
                    Metric.OUTPUT_TOK_PER_J_REQUEST,
                    Metric.OUTPUT_TOK_PER_J_THROUGHPUT,
                    Metric.OUTPUT_TOK_PER_J_DECODE_PHASE,
                    Metric.REQUEST_OUTPUT_TOK_PER_J_P50,
                    Metric.REQUEST_OUTPUT_TOK_PER_J_P90,
                    Metric.MJ_PER_OUTPUT_TOKEN),
            new Group(
                    "Method, estimator, trace, flags",
                    false,
                    List.of("method", "estimator", "rail", CellResultsCsv.POWER_TRACE_COLUMN, "flags")),
            group(
                    "Latency percentiles",
                    false,
                    Metric.TTFT_P90_MS,
                    Metric.TTFT_P99_MS,
                    Metric.ITL_P90_MS,
                    Metric.ITL_P99_MS,
                    Metric.RL_P90_MS,
                    Metric.RL_P99_MS),
            group("Counts", false, Metric.REQUESTS_OK, Metric.REQUESTS_FAILED, Metric.TEGRASTATS_LINES));

    private static Group group(String label, boolean shown, Metric... metrics) {
        List<String> columns = new ArrayList<>();
        for (Metric m : metrics) {
            columns.add(m.column());
        }
        return new Group(label, shown, columns);
    }

    /** Printed text that JavaScript's {@code String(Number(s))} gives back unchanged. */
    private static final Pattern ROUND_TRIP = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{0,5}[1-9])?");

    private CellTableHtml() {}

    /**
     * Writes the table: heading, caption, group switches, the header, an empty body and the rows as JSON.
     *
     * @param sb where to write
     * @param t the cell table
     * @param collapsed whether the rows sit in a closed {@code <details>}
     * @param number the table's number on the page
     * @param flagsSeen flag codes met so far, to which this table's are added
     */
    static void write(StringBuilder sb, Table t, boolean collapsed, int number, Map<String, String> flagsSeen) {
        List<Integer> order = new ArrayList<>();
        List<Integer> groupOf = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < t.columns().size(); i++) {
            index.put(t.columns().get(i), i);
        }
        List<Group> groups = new ArrayList<>(GROUPS);
        List<String> rest = new ArrayList<>();
        for (String c : t.columns()) {
            if (!c.contains("_ci95_")
                    && GROUPS.stream().noneMatch(g -> g.columns().contains(c))) {
                rest.add(c);
            }
        }
        if (!rest.isEmpty()) {
            groups.add(new Group("More", false, rest));
        }
        for (int g = 0; g < groups.size(); g++) {
            for (String c : groups.get(g).columns()) {
                Integer i = index.get(c);
                if (i != null) {
                    order.add(i);
                    groupOf.add(g);
                }
            }
        }
        HtmlWriter.heading(
                sb,
                t,
                number,
                " Every column of cells.csv is here but the interval bounds: a value with a 95 %"
                        + " interval prints as value ± half-width, its bounds in its tooltip. Tokens per joule are shown at first;"
                        + " tick a group to show its columns (all of them together scroll sideways);"
                        + " click a column header to sort.");
        if (collapsed) {
            sb.append("<details><summary>Show all ").append(t.rows().size()).append(" rows</summary>\n");
        }
        sb.append("<p class=\"cg\" data-for=\"").append(HtmlWriter.esc(t.id())).append("\">Columns:");
        for (int g = 1; g < groups.size(); g++) {
            sb.append(" <label><input type=\"checkbox\" value=\"")
                    .append(g)
                    .append('"')
                    .append(groups.get(g).shown() ? " checked" : "")
                    .append("> ")
                    .append(HtmlWriter.esc(groups.get(g).label()))
                    .append("</label>");
        }
        sb.append("</p>\n");
        String[] methods = HtmlWriter.columnMethods(t);
        sb.append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"")
                .append(HtmlWriter.esc(t.id()))
                .append("\">\n<thead><tr>");
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            sb.append("<th data-g=\"").append(groupOf.get(k)).append('"');
            HtmlWriter.methodAttributes(sb, methods[i]);
            sb.append('>')
                    .append(HtmlWriter.esc(HtmlWriter.cellLabel(t.columns().get(i))))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody></tbody></table></div>\n<noscript><p class=\"note\">The rows of this table"
                + " are drawn by the page's script; they are all in cells.csv.</p></noscript>\n");
        sb.append("<script type=\"application/json\" data-rows=\"")
                .append(HtmlWriter.esc(t.id()))
                .append("\">");
        json(sb, t, order, flagsSeen);
        sb.append("</script>\n");
        if (collapsed) {
            sb.append("</details>\n");
        }
    }

    private static void json(StringBuilder sb, Table t, List<Integer> order, Map<String, String> flagsSeen) {
        Map<String, Integer> flags = new LinkedHashMap<>();
        Map<List<Integer>, Integer> lists = new LinkedHashMap<>();
        StringBuilder rows = new StringBuilder(t.rows().size() * 320);
        boolean[] text = new boolean[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            text[k] = t.rows().stream().allMatch(r -> r.get(i) instanceof Table.Text);
        }
        for (List<Table.Entry> row : t.rows()) {
            rows.append(rows.length() == 0 ? "[" : ",[");
            for (int k = 0; k < order.size(); k++) {
                if (k > 0) {
                    rows.append(',');
                }
                Table.Entry e = row.get(order.get(k));
                if (e instanceof Table.Text x) {
                    printed(rows, x.text());
                    continue;
                }
                Table.Num n = (Table.Num) e;
                int list = -1;
                if (!n.flags().isEmpty()) {
                    List<Integer> ids = new ArrayList<>();
                    for (String f : n.flags()) {
                        ids.add(flags.computeIfAbsent(f, x -> flags.size()));
                        flagsSeen.putIfAbsent(FlagMark.code(f), f);
                    }
                    list = lists.computeIfAbsent(List.copyOf(ids), x -> lists.size());
                }
                boolean interval = n.hasInterval() && Double.isFinite(n.value());
                if (!interval && list < 0) {
                    value(rows, n);
                    continue;
                }
                rows.append('[');
                value(rows, n);
                if (interval) {
                    rows.append(',');
                    printed(rows, Sig.of((n.high() - n.low()) / 2, 2));
                    rows.append(',');
                    printed(rows, Sig.of(n.low(), 4));
                    rows.append(',');
                    printed(rows, Sig.of(n.high(), 4));
                }
                if (list >= 0) {
                    rows.append(',').append(list);
                }
                rows.append(']');
            }
            rows.append(']');
        }
        sb.append("{\"f\":[");
        int f = 0;
        for (String name : flags.keySet()) {
            sb.append(f++ == 0 ? "[" : ",[");
            string(sb, name);
            sb.append(',');
            string(sb, FlagMark.code(name));
            sb.append(']');
        }
        sb.append("],\"l\":[");
        int l = 0;
        for (List<Integer> ids : lists.keySet()) {
            sb.append(l++ == 0 ? "[" : ",[");
            for (int j = 0; j < ids.size(); j++) {
                sb.append(j == 0 ? "" : ",").append(ids.get(j));
            }
            sb.append(']');
        }
        sb.append("],\"k\":[");
        for (int k = 0; k < text.length; k++) {
            sb.append(k == 0 ? "" : ",").append(text[k] ? 1 : 0);
        }
        sb.append("],\"r\":[").append(rows).append("]}");
    }

    /** The value as the page prints it, {@code null} when unknown. */
    private static void value(StringBuilder sb, Table.Num n) {
        if (Double.isFinite(n.value())) {
            printed(sb, n.printedValue() + n.suffix());
        } else {
            sb.append("null");
        }
    }

    /** Printed text: a JSON number where JavaScript prints it back the same, else a JSON string. */
    static void printed(StringBuilder sb, String s) {
        if (ROUND_TRIP.matcher(s).matches() && !s.equals("-0")) {
            sb.append(s);
        } else {
            string(sb, s);
        }
    }

    /** A JSON string, safe inside a {@code <script>} element ({@code <} written as {@code \u003c}). */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
