package io.github.tokjoule.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} as Markdown ({@code report.md}): the same sections and tables as the HTML page; charts are
 * linked as {@code charts/<id>.svg}. A value made approximate by flags is followed by their codes in brackets, e.g.
 * {@code 41.2 [PU]}.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {}

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("# ").append(report.title()).append("\n\n");
        sb.append('\n')
                .append("**Method: ")
                .append(report.method())
                .append(".** ")
                .append(report.methodDescription())
                .append("\n\n");
        for (String n : report.notes()) {
            sb.append("> ").append(n).append("\n\n");
        }
        sb.append("## Headline findings\n\n");
        for (String f : report.headline().findings()) {
            sb.append("- ").append(f).append('\n');
        }
        sb.append('\n');
        Map<String, String> flagsSeen = new LinkedHashMap<>();
        for (Report.Section s : report.sections()) {
            sb.append("## ").append(s.title()).append("\n\n");
            if (!s.intro().isEmpty()) {
                sb.append(s.intro()).append("\n\n");
            }
            for (Report.Block b : s.blocks()) {
                if (b instanceof Report.TableBlock t) {
                    table(sb, t.table(), flagsSeen);
                } else if (b instanceof Report.ChartBlock c) {
                    Chart ch = c.chart();
                    sb.append("**").append(ch.title()).append("**\n\n");
                    sb.append("![")
                            .append(ch.title())
                            .append("](charts/")
                            .append(ch.id())
                            .append(".svg)\n\n");
                    sb.append('*').append(ch.caption()).append("*\n\n");
                } else if (b instanceof Report.ProseBlock p) {
                    sb.append("### ").append(p.title()).append("\n\n");
                    for (String para : p.paragraphs()) {
                        sb.append(para).append("\n\n");
                    }
                }
            }
        }
        if (!flagsSeen.isEmpty()) {
            sb.append("## Flag codes\n\n");
            for (Map.Entry<String, String> e : flagsSeen.entrySet()) {
                sb.append("- `")
                        .append(e.getKey())
                        .append("` ")
                        .append(e.getValue())
                        .append('\n');
            }
            sb.append('\n');
        }
        out.write(sb.toString());
    }

    private static void table(StringBuilder sb, Table t, Map<String, String> flagsSeen) {
        sb.append("### ").append(t.title()).append("\n\n");
        sb.append('*')
                .append(t.caption())
                .append("* (CSV: `")
                .append(t.id().equals(ReportTables.CELLS_ID) ? "cells.csv" : "tables/" + t.id() + ".csv")
                .append("`)\n\n");
        sb.append('|');
        for (String c : t.columns()) {
            sb.append(' ').append(cell(c)).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < t.columns().size(); i++) {
            sb.append(i == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<Table.Entry> row : t.rows()) {
            sb.append('|');
            for (Table.Entry e : row) {
                sb.append(' ').append(cell(entry(e, flagsSeen))).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    static String entry(Table.Entry e, Map<String, String> flagsSeen) {
        if (e instanceof Table.Text t) {
            return t.text();
        }
        Table.Num n = (Table.Num) e;
        if (!Double.isFinite(n.value())) {
            return "—";
        }
        StringBuilder s = new StringBuilder(n.display()).append(n.suffix());
        if (!n.flags().isEmpty()) {
            s.append(" [");
            for (int i = 0; i < n.flags().size(); i++) {
                String code = FlagMark.code(n.flags().get(i));
                flagsSeen.putIfAbsent(code, n.flags().get(i));
                s.append(i == 0 ? "" : ",").append(code);
            }
            s.append(']');
        }
        return s.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
