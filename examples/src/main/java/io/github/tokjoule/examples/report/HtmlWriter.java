package io.github.tokjoule.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} as one self-contained HTML page: inline CSS, charts embedded as base64 PNG data URIs, no
 * script, no font, no link or source outside the page. Every measured number carries its method in its {@code title}
 * attribute (and the {@code data-method} attribute): the energy method for energy-derived values, the speedup method
 * for speedups, the measuring tool for values that no energy method touches; an approximate number is followed by the
 * codes of the flags that make it so, each explained on hover and in the legend at the end.
 */
public final class HtmlWriter {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1200px;\
            margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
            h3{font-size:1.05em;margin:1.6em 0 .3em}
            table{border-collapse:collapse;margin:.4em 0 1em;font-size:.88em}
            th,td{border:1px solid #ccc;padding:.25em .55em}th{background:#f3f3f3;text-align:left}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.approx{background:#fff6e0}sup.flag{color:#a35a00;font-size:.7em;margin-left:.15em}
            p.caption,figcaption{color:#555;font-size:.88em;margin:.2em 0 .6em}
            figure{margin:1em 0 2em}figure img{max-width:100%;height:auto;border:1px solid #eee}
            .note{background:#fff3cd;border-left:4px solid #e0a800;padding:.4em .8em}
            .summary{font-size:1.05em}details summary{cursor:pointer;color:#045}
            .scroll{overflow-x:auto}
            """;

    private HtmlWriter() {}

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(report.title()))
                .append("</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(report.title())).append("</h1>\n");
        if (!report.headline().findings().isEmpty()) {
            sb.append("<p class=\"summary\">")
                    .append(esc(report.headline().findings().get(0)))
                    .append("</p>\n");
        }
        sb.append("<h2 id=\"setup\">1. Setup</h2>\n<table>\n");
        for (ReportData.SetupItem s : report.setup()) {
            sb.append("<tr><th>")
                    .append(esc(s.label()))
                    .append("</th><td>")
                    .append(esc(s.value()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n<p><strong>Method: ")
                .append(esc(report.method()))
                .append(".</strong> ")
                .append(esc(report.methodDescription()))
                .append("</p>\n");
        for (String n : report.notes()) {
            sb.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        }
        sb.append("<h2 id=\"headline\">2. Headline findings</h2>\n<ul>\n");
        for (String f : report.headline().findings()) {
            sb.append("<li>").append(esc(f)).append("</li>\n");
        }
        sb.append("</ul>\n");
        Map<String, String> flagsSeen = new LinkedHashMap<>();
        int number = 3;
        for (Report.Section s : report.sections()) {
            sb.append("<h2>")
                    .append(number++)
                    .append(". ")
                    .append(esc(s.title()))
                    .append("</h2>\n");
            if (!s.intro().isEmpty()) {
                sb.append("<p>").append(esc(s.intro())).append("</p>\n");
            }
            for (Report.Block b : s.blocks()) {
                if (b instanceof Report.TableBlock t) {
                    table(sb, t.table(), t.collapsed(), flagsSeen);
                } else if (b instanceof Report.ChartBlock c) {
                    chart(sb, c.chart());
                }
            }
        }
        if (!flagsSeen.isEmpty()) {
            sb.append("<h2 id=\"flag-codes\">Flag codes</h2>\n<ul>\n");
            for (Map.Entry<String, String> e : flagsSeen.entrySet()) {
                sb.append("<li><sup class=\"flag\">")
                        .append(esc(e.getKey()))
                        .append("</sup> ")
                        .append(esc(e.getValue()))
                        .append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<p class=\"caption\">Written by the tokjoule command. Tables are also in tables/*.csv and"
                + " cells.csv, charts in charts/*.png, everything in report.md.</p>\n</body>\n</html>\n");
        out.write(sb.toString());
    }

    private static void table(StringBuilder sb, Table t, boolean collapsed, Map<String, String> flagsSeen) {
        sb.append("<h3 id=\"")
                .append(esc(t.id()))
                .append("\">")
                .append(esc(t.title()))
                .append("</h3>\n");
        sb.append("<p class=\"caption\">").append(esc(t.caption())).append("</p>\n");
        if (collapsed) {
            sb.append("<details><summary>Show all ").append(t.rows().size()).append(" rows</summary>\n");
        }
        sb.append("<div class=\"scroll\"><table data-table=\"")
                .append(esc(t.id()))
                .append("\">\n<thead><tr>");
        for (String c : t.columns()) {
            sb.append("<th>").append(esc(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Table.Entry> row : t.rows()) {
            sb.append("<tr>");
            for (Table.Entry e : row) {
                entry(sb, e, flagsSeen);
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
        if (collapsed) {
            sb.append("</details>\n");
        }
    }

    private static void entry(StringBuilder sb, Table.Entry e, Map<String, String> flagsSeen) {
        if (e instanceof Table.Text t) {
            sb.append("<td>").append(esc(t.text())).append("</td>");
            return;
        }
        Table.Num n = (Table.Num) e;
        boolean approx = !n.flags().isEmpty();
        sb.append("<td class=\"num").append(approx ? " approx" : "").append('"');
        if (!n.method().isEmpty()) {
            sb.append(" data-method=\"").append(esc(n.method())).append('"');
        }
        String title = n.method().isEmpty()
                ? ""
                : n.method().equals("aiperf") || n.method().equals("tegrastats")
                        ? "measured by " + n.method() + " (no energy method)"
                        : "method: " + n.method();
        if (approx) {
            title += (title.isEmpty() ? "" : "; ") + "approximate: " + String.join(", ", n.flags());
        }
        if (!title.isEmpty()) {
            sb.append(" title=\"").append(esc(title)).append('"');
        }
        sb.append('>');
        if (Double.isFinite(n.value())) {
            sb.append(n.plain()).append(esc(n.suffix()));
            for (String f : n.flags()) {
                String code = FlagMark.code(f);
                flagsSeen.putIfAbsent(code, f);
                sb.append("<sup class=\"flag\" title=\"")
                        .append(esc(f))
                        .append("\">")
                        .append(esc(code))
                        .append("</sup>");
            }
        } else {
            sb.append("—");
        }
        sb.append("</td>");
    }

    private static void chart(StringBuilder sb, Chart c) {
        sb.append("<figure id=\"")
                .append(esc(c.id()))
                .append("\">\n<img alt=\"")
                .append(esc(c.title()))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(c.png()))
                .append("\">\n<figcaption><strong>")
                .append(esc(c.title()))
                .append(".</strong> ")
                .append(esc(c.caption()))
                .append("</figcaption>\n</figure>\n");
    }

    /**
     * Escapes text for HTML content and attribute values.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        int i = 0;
        while (i < s.length() && "<>&\"'".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
