package io.github.tokjoule.examples.report;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Report} as one self-contained HTML page: inline CSS, charts as inline SVG, one small inline script
 * that sorts a table when its header is clicked; no font, no link or source outside the page, so it works offline.
 * A table of contents links every section, table and figure by its anchor.
 *
 * <p>Numbers are printed to three significant figures ({@link Sig}), with {@code ±} and the half-width of their 95 %
 * interval when the data has one. Every measured number carries its method: in its column header's {@code title} and
 * {@code data-method} attributes when the whole column shares one (the energy method for energy-derived values, the
 * speedup method for speedups, the measuring tool for values no energy method touches), else in the number's own. An
 * approximate number is shaded (class {@code a}; text cells have class {@code t}, numbers none) and followed by the codes of the flags that make it so, each explained on hover and in
 * the flags section. The page's cell table shows the identity, status and the 17 main metrics of each cell with human
 * column labels; {@code cells.csv} has every column.
 */
public final class HtmlWriter {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1280px;\
            margin:1.5em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
            h3{font-size:1.05em;margin:1.6em 0 .3em}a{color:#045}
            table{border-collapse:collapse;margin:.4em 0 1em;font-size:.88em}
            th,td{border:1px solid #ccc;padding:.25em .55em}th{background:#f3f3f3;text-align:left;vertical-align:bottom}
            table.sortable th{cursor:pointer}th[aria-sort=ascending]::after{content:" \\25B2"}
            th[aria-sort=descending]::after{content:" \\25BC"}
            td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}table[data-table=cells]{font-size:.8em}\
            table[data-table=cells] td{white-space:normal}table[data-table=cells] :is(th,td){padding:.25em .35em}\
            table[data-table=cells] td:nth-child(2){white-space:nowrap}
            td.t{text-align:left;white-space:normal}td.a{background:#fff6e0}sup.flag{color:#a35a00;font-size:.7em;margin-left:.15em}
            p.caption,figcaption{color:#555;font-size:.88em;margin:.2em 0 .6em}
            figure{margin:1em 0 2.2em}figcaption.ft{color:#222;font-weight:600;font-size:1em}
            .panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.4em 1em}
            .panels.wide{grid-template-columns:1fr}.panels svg{width:100%;height:auto;display:block}
            .panels.wide svg{max-width:920px}
            .keys{display:flex;flex-wrap:wrap;gap:.3em 2em;align-items:center;justify-content:center}
            .keys svg{width:100%;height:auto}
            .note{background:#fff3cd;border-left:4px solid #e0a800;padding:.4em .8em}
            .summary{font-size:1.05em}details summary{cursor:pointer;color:#045}
            .scroll{overflow-x:auto}nav.toc ol{margin:.2em 0}nav.toc li{margin:.1em 0}
            nav.toc ol ol{font-size:.9em;columns:2 22em}.cg label{margin-left:.9em;white-space:nowrap}
            """ + SvgPlot.STYLE + "\n";

    /**
     * Draws the rows of a table whose data comes as JSON ({@link CellTableHtml}), then wires the column-group switches
     * (a hidden group's columns get {@code display:none} by {@code nth-child}, no class on any cell) and the sorting.
     */
    private static final String SCRIPT = "(function(){function esc(x){return String(x).replace(/[&<>\"]/g,"
            + "function(c){return{'&':'&amp;','<':'&lt;','>':'&gt;','\"':'&quot;'}[c]})}"
            + "document.querySelectorAll('script[data-rows]').forEach(function(s){var d=JSON.parse(s.textContent),"
            + "t=document.querySelector('table[data-table=\"'+s.getAttribute('data-rows')+'\"]'),h=[];"
            + "d.r.forEach(function(r){h.push('<tr>');r.forEach(function(e,i){if(d.k[i]){h.push('<td class=\"t\">'"
            + "+esc(e).replace(/;/g,';<wbr>')+'</td>');return}var v=e,p=null,lo,hi,k=-1;if(Array.isArray(e)){v=e[0];if(e.length>3){p=e[1];"
            + "lo=e[2];hi=e[3]}if(e.length%2===0&&e.length!==4||e.length===5)k=e[e.length-1]}var f=k<0?[]:d.l[k],"
            + "tt=[];if(p!==null)tt.push('95 % interval '+lo+' to '+hi);if(f.length)tt.push('approximate: '"
            + "+f.map(function(n){return d.f[n][0]}).join(', '));h.push('<td'+(f.length?' class=\"a\"':'')"
            + "+(tt.length?' title=\"'+esc(tt.join('; '))+'\"':'')+'>'+(v===null?'\u2014':esc(v)"
            + "+(p!==null?' \u00b1\u00a0'+p:''))+f.map(function(n){return'<sup class=\"flag\">'+esc(d.f[n][1])"
            + "+'</sup>'}).join('')+'</td>')});h.push('</tr>')});t.tBodies[0].innerHTML=h.join('')});"
            + "document.querySelectorAll('p.cg').forEach(function(p){var id=p.getAttribute('data-for'),"
            + "t=document.querySelector('table[data-table=\"'+id+'\"]'),st=document.createElement('style');"
            + "document.head.appendChild(st);function upd(){var off={},css='';p.querySelectorAll('input')"
            + ".forEach(function(c){if(!c.checked)off[c.value]=1});Array.prototype.forEach.call("
            + "t.tHead.rows[0].cells,function(th,i){if(off[th.getAttribute('data-g')])css+='table[data-table=\"'"
            + "+id+'\"] tr>:nth-child('+(i+1)+'){display:none}'});st.textContent=css}"
            + "p.addEventListener('change',upd);upd()})})();"
            + "(function(){function num(c){var v=parseFloat(c.textContent);"
            + "return isNaN(v)?null:v}document.querySelectorAll('table.sortable th').forEach(function(th){"
            + "th.addEventListener('click',function(){var t=th.closest('table'),b=t.tBodies[0],"
            + "i=Array.prototype.indexOf.call(th.parentNode.children,th),"
            + "d=th.getAttribute('aria-sort')==='ascending'?-1:1;"
            + "t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});"
            + "th.setAttribute('aria-sort',d>0?'ascending':'descending');var rows=Array.from(b.rows);"
            + "rows.sort(function(x,y){var p=x.cells[i],q=y.cells[i],a=num(p),c=num(q);"
            + "if(a!==null&&c!==null)return(a-c)*d;if(a===null&&c!==null)return 1;if(c===null&&a!==null)"
            + "return -1;return p.textContent.localeCompare(q.textContent,undefined,{numeric:true})*d});"
            + "rows.forEach(function(r){b.appendChild(r)})})})})();";

    private static final Map<String, String> CELL_COLUMN_LABELS = Map.of(
            "mode", "Mode",
            "model", "Model",
            "ctx", "Prompt (tok)",
            "gen", "Gen (tok)",
            "status", "Status",
            "method", "Method",
            "estimator", "Estimator",
            "rail", "Rail",
            "power_trace", "Power trace",
            "flags", "Flags");

    private HtmlWriter() {}

    /**
     * Writes the report.
     *
     * @param report the report
     * @param out where to write
     * @throws IOException if writing fails
     */
    public static void write(Report report, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(1 << 21);
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
        toc(sb, report);
        sb.append("<h2 id=\"headline\">1. Headline findings</h2>\n<ul>\n");
        for (String f : report.headline().findings()) {
            sb.append("<li>").append(esc(f)).append("</li>\n");
        }
        sb.append("</ul>\n<p><strong>Method: ")
                .append(esc(report.method()))
                .append(".</strong> ")
                .append(esc(report.methodDescription()))
                .append("</p>\n");
        for (String n : report.notes()) {
            sb.append("<p class=\"note\">").append(esc(n)).append("</p>\n");
        }
        Map<String, String> flagsSeen = new LinkedHashMap<>();
        int number = 2;
        int[] counters = new int[2];
        for (Report.Section s : report.sections()) {
            sb.append("<h2 id=\"")
                    .append(esc(s.id()))
                    .append("\">")
                    .append(number++)
                    .append(". ")
                    .append(esc(s.title()))
                    .append("</h2>\n");
            if (!s.intro().isEmpty()) {
                sb.append("<p>").append(esc(s.intro())).append("</p>\n");
            }
            for (Report.Block b : s.blocks()) {
                if (b instanceof Report.TableBlock t) {
                    table(sb, t.table(), t.collapsed(), ++counters[0], flagsSeen);
                } else if (b instanceof Report.ChartBlock c) {
                    chart(sb, c.chart(), ++counters[1]);
                } else if (b instanceof Report.ProseBlock p) {
                    sb.append("<h3 id=\"")
                            .append(esc(p.id()))
                            .append("\">")
                            .append(esc(p.title()))
                            .append("</h3>\n");
                    for (String para : p.paragraphs()) {
                        sb.append("<p>").append(esc(para)).append("</p>\n");
                    }
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
                        + " cells.csv, each figure in charts/*.svg, everything in report.md.</p>\n<script>")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        out.write(sb.toString());
    }

    private static void toc(StringBuilder sb, Report report) {
        sb.append("<nav class=\"toc\" id=\"contents\"><h2>Contents</h2>\n<ol>\n")
                .append("<li><a href=\"#headline\">Headline findings</a></li>\n");
        int tables = 0;
        int figures = 0;
        for (Report.Section s : report.sections()) {
            sb.append("<li><a href=\"#")
                    .append(esc(s.id()))
                    .append("\">")
                    .append(esc(s.title()))
                    .append("</a><ol>");
            for (Report.Block b : s.blocks()) {
                String id;
                String label;
                if (b instanceof Report.TableBlock t) {
                    id = t.table().id();
                    label = "Table " + ++tables + ". " + t.table().title();
                } else if (b instanceof Report.ChartBlock c) {
                    id = c.chart().id();
                    label = "Figure " + ++figures + ". " + c.chart().title();
                } else {
                    Report.ProseBlock p = (Report.ProseBlock) b;
                    id = p.id();
                    label = p.title();
                }
                sb.append("<li><a href=\"#")
                        .append(esc(id))
                        .append("\">")
                        .append(esc(label))
                        .append("</a></li>");
            }
            sb.append("</ol></li>\n");
        }
        sb.append("</ol></nav>\n");
    }

    private static void table(StringBuilder sb, Table t, boolean collapsed, int number, Map<String, String> flagsSeen) {
        if (t.id().equals(ReportTables.CELLS_ID)) {
            CellTableHtml.write(sb, t, collapsed, number, flagsSeen);
            return;
        }
        heading(sb, t, number, " Click a column header to sort.");
        if (collapsed) {
            sb.append("<details><summary>Show all ").append(t.rows().size()).append(" rows</summary>\n");
        }
        String[] methods = columnMethods(t);
        sb.append("<div class=\"scroll\"><table class=\"sortable\" data-table=\"")
                .append(esc(t.id()))
                .append("\">\n<thead><tr>");
        for (int i = 0; i < t.columns().size(); i++) {
            sb.append("<th");
            methodAttributes(sb, methods[i]);
            sb.append('>').append(esc(t.columns().get(i))).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<Table.Entry> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < t.columns().size(); i++) {
                entry(sb, row.get(i), methods[i], flagsSeen);
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
        if (collapsed) {
            sb.append("</details>\n");
        }
    }

    /** A table's heading and caption, the caption followed by {@code more}. */
    static void heading(StringBuilder sb, Table t, int number, String more) {
        sb.append("<h3 id=\"")
                .append(esc(t.id()))
                .append("\">Table ")
                .append(number)
                .append(". ")
                .append(esc(t.title()))
                .append("</h3>\n<p class=\"caption\">")
                .append(esc(t.caption()))
                .append(esc(more))
                .append("</p>\n");
    }

    /** A header cell's method attributes, nothing for a column without one method. */
    static void methodAttributes(StringBuilder sb, String method) {
        if (!method.isEmpty()) {
            sb.append(" data-method=\"")
                    .append(esc(method))
                    .append("\" title=\"")
                    .append(esc(methodTitle(method)))
                    .append('"');
        }
    }

    /** Per column, the method all its numbers share, or empty (text, mixed or no method). */
    static String[] columnMethods(Table t) {
        String[] out = new String[t.columns().size()];
        for (int i = 0; i < out.length; i++) {
            String m = null;
            boolean same = true;
            for (List<Table.Entry> row : t.rows()) {
                if (row.get(i) instanceof Table.Num n) {
                    if (m == null) {
                        m = n.method();
                    } else if (!m.equals(n.method())) {
                        same = false;
                    }
                }
            }
            out[i] = same && m != null ? m : "";
        }
        return out;
    }

    /** The human label of a {@code cells.csv} column. */
    static String cellLabel(String column) {
        String label = CELL_COLUMN_LABELS.get(column);
        if (label != null) {
            return label;
        }
        for (Metric m : Metric.values()) {
            if (m.column().equals(column)) {
                return m.label();
            }
        }
        return column;
    }

    private static String methodTitle(String method) {
        return method.equals("aiperf") || method.equals("tegrastats")
                ? "measured by " + method + " (no energy method)"
                : "method: " + method;
    }

    private static void entry(StringBuilder sb, Table.Entry e, String columnMethod, Map<String, String> flagsSeen) {
        if (e instanceof Table.Text t) {
            sb.append("<td class=\"t\">").append(esc(t.text())).append("</td>");
            return;
        }
        Table.Num n = (Table.Num) e;
        boolean approx = !n.flags().isEmpty();
        sb.append(approx ? "<td class=\"a\"" : "<td");
        boolean own = !n.method().isEmpty() && !n.method().equals(columnMethod);
        if (own) {
            sb.append(" data-method=\"").append(esc(n.method())).append('"');
        }
        String title = own ? methodTitle(n.method()) : "";
        if (n.hasInterval()) {
            title += (title.isEmpty() ? "" : "; ") + Sig.of(n.value(), 5) + ", 95 % interval " + Sig.of(n.low(), 4)
                    + " to " + Sig.of(n.high(), 4);
        }
        if (approx) {
            title += (title.isEmpty() ? "" : "; ") + "approximate: " + String.join(", ", n.flags());
        }
        if (!title.isEmpty()) {
            sb.append(" title=\"").append(esc(title)).append('"');
        }
        sb.append('>');
        if (Double.isFinite(n.value())) {
            sb.append(n.display()).append(esc(n.suffix()));
            for (String f : n.flags()) {
                String code = FlagMark.code(f);
                flagsSeen.putIfAbsent(code, f);
                sb.append("<sup class=\"flag\">").append(esc(code)).append("</sup>");
            }
        } else {
            sb.append("—");
        }
        sb.append("</td>");
    }

    private static void chart(StringBuilder sb, Chart c, int number) {
        sb.append("<figure id=\"")
                .append(esc(c.id()))
                .append("\">\n<figcaption class=\"ft\">Figure ")
                .append(number)
                .append(". ")
                .append(esc(c.title()))
                .append("</figcaption>\n<div class=\"panels")
                .append(c.wide() ? " wide" : "")
                .append("\">");
        for (String p : c.panels()) {
            sb.append(p).append('\n');
        }
        sb.append("</div>\n");
        if (!c.colourBar().isEmpty() || !c.legend().isEmpty()) {
            sb.append("<div class=\"keys\">")
                    .append(c.colourBar())
                    .append(c.legend())
                    .append("</div>\n");
        }
        sb.append("<figcaption>").append(esc(c.caption())).append("</figcaption>\n</figure>\n");
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
