package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page in a real browser: headless Chromium (Debian's {@code chromium}) opens {@code index.html} from disk
 * and the page is checked from inside: every figure's panels have a non-zero size, no script error or console error
 * occurs, and clicking a column header sorts the table, twice reverses it. Skipped where no Chromium is installed,
 * except in CI ({@code CI=true}), where a missing browser fails the test.
 */
class BrowserReportTest {

    @TempDir
    static Path dir;

    static Chromium browser;

    @BeforeAll
    static void open() throws Exception {
        Path binary = Chromium.findOrSkip();
        ReportWriter.Written w = ReportWriter.write(SampleData.create(), dir.resolve("report"));
        browser = Chromium.showing(binary, w.indexHtml().toUri(), dir.resolve("profile"));
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyFigureRendersWithNonZeroSize() throws Exception {
        String report = browser.eval("""
                (() => {
                  const bad = [];
                  const figures = document.querySelectorAll('figure');
                  let panels = 0;
                  figures.forEach(f => {
                    const svgs = f.querySelectorAll('svg');
                    if (svgs.length === 0) bad.push(f.id + ': no svg');
                    svgs.forEach(s => {
                      panels++;
                      const r = s.getBoundingClientRect();
                      if (!(r.width > 0 && r.height > 0)) bad.push(f.id + ': ' + r.width + 'x' + r.height);
                      const b = s.getBBox();
                      if (!(b.width > 0 && b.height > 0)) bad.push(f.id + ': empty drawing');
                    });
                  });
                  return figures.length + ' ' + panels + ' ' + bad.join('; ');
                })()""");
        int figures = ReportWriter.build(SampleData.create()).charts().size();
        assertThat(report).startsWith(figures + " ");
        assertThat(report.split(" ", 3)[2]).as("figures that did not render").isEmpty();
        assertThat(Integer.parseInt(report.split(" ")[1])).isGreaterThan(figures * 2);
    }

    @Test
    void panelsStayReadableInANarrowWindow() throws Exception {
        String widths = inWindow(700, """
                Array.from(document.querySelectorAll('.panels:not(.wide) svg'))
                  .map(s => Math.round(s.getBoundingClientRect().width)).join(',')""");
        for (String w : widths.split(",")) {
            // A 360-unit panel at 300 px or more keeps 11-unit text at 9 px or more.
            assertThat(Integer.parseInt(w)).isGreaterThanOrEqualTo(300);
        }
    }

    /** Evaluates a script in a window of the given width, then gives the window back its own size. */
    private static String inWindow(int width, String script) throws Exception {
        browser.send(
                "Emulation.setDeviceMetricsOverride",
                "{\"width\":" + width + ",\"height\":900,\"deviceScaleFactor\":1,\"mobile\":false}");
        try {
            return browser.eval(script);
        } finally {
            browser.send("Emulation.clearDeviceMetricsOverride", "{}");
        }
    }

    @Test
    void clickingAHeaderSortsTheTableAndClickingAgainReversesIt() throws Exception {
        // The canonical table's "25W tok/s" column (column 4): SampleData's canonical tok/s at 25W are
        // 165.1, 101.8, 92.6, 47.0 in model order.
        String script = """
                (() => {
                  const t = document.querySelector('table[data-table=canonical]');
                  const th = t.tHead.rows[0].cells[3];
                  const col = () => Array.from(t.tBodies[0].rows).map(r => r.cells[3].textContent).join(',');
                  const before = col();
                  th.click();
                  const up = col();
                  th.click();
                  const down = col();
                  return [th.textContent, before, up, down, th.getAttribute('aria-sort')].join('|');
                })()""";
        String[] r = browser.eval(script).split("\\|");
        assertThat(r[0]).startsWith("25W tok/s");
        assertThat(r[1]).isEqualTo("165,102,92.6,47.0");
        assertThat(r[2]).isEqualTo("47.0,92.6,102,165");
        assertThat(r[3]).isEqualTo("165,102,92.6,47.0");
        assertThat(r[4]).isEqualTo("descending");
    }

    @Test
    void missingValuesSortLastAndTextSortsNaturally() throws Exception {
        String r = browser.eval("""
                (() => {
                  const t = document.querySelector('table[data-table=cells]');
                  const th = t.tHead.rows[0].cells[9];
                  th.click();
                  const rows = Array.from(t.tBodies[0].rows);
                  const last = rows[rows.length - 1].cells[9].textContent;
                  const first = parseFloat(rows[0].cells[9].textContent);
                  const second = parseFloat(rows[1].cells[9].textContent);
                  const m = t.tHead.rows[0].cells[0];
                  m.click();
                  const modes = Array.from(new Set(Array.from(t.tBodies[0].rows).map(r => r.cells[0].textContent)));
                  return [th.textContent, last, first <= second, modes.join(',')].join('|');
                })()""");
        // Column 9: RL p50; the failed 7W llama3.2-1b cell has none and sorts last; modes sort 7W < 15W < 25W.
        assertThat(r).isEqualTo("RL p50 (ms)|—|true|7W,15W,25W,MAXN_SUPER");
    }

    @Test
    void theCellTableIsDrawnFromItsDataWithEveryGroupAndHidesAGroupOnRequest() throws Exception {
        String r = browser.eval("""
                (() => {
                  const t = document.querySelector('table[data-table=cells]');
                  const ths = Array.from(t.tHead.rows[0].cells);
                  const shown = () => ths.filter(h => h.getBoundingClientRect().width > 0).length;
                  t.closest('details').open = true;
                  const rows = t.tBodies[0].rows.length;
                  const cols = t.tBodies[0].rows[0].cells.length;
                  const before = shown();
                  const box = document.querySelector('p.cg[data-for=cells] input[value="1"]');
                  box.click();
                  const after = shown();
                  box.click();
                  const interval = Array.from(t.tBodies[0].querySelectorAll('td[title]'))
                    .filter(td => td.title.indexOf('95 % interval') >= 0 && td.textContent.indexOf(' \u00b1\u00a0') > 0).length;
                  const flagged = Array.from(t.tBodies[0].querySelectorAll('td.a[title]'))
                    .filter(td => td.title.indexOf('approximate: PREFILL_UNDERSAMPLED') >= 0
                      && td.querySelector('sup.flag').textContent === 'PU').length;
                  return [rows, cols === ths.length, before, after, shown(), interval > 0, flagged > 0].join('|');
                })()""");
        String[] f = r.split("\\|");
        assertThat(Integer.parseInt(f[0])).isEqualTo(SampleData.create().cells().size());
        assertThat(f[1]).as("one cell per header").isEqualTo("true");
        // group 1 (latency and throughput, 8 columns, hidden at first) shows and hides again
        assertThat(Integer.parseInt(f[3]) - Integer.parseInt(f[2])).isEqualTo(8);
        assertThat(f[4]).isEqualTo(f[2]);
        assertThat(f[5])
                .as("values with an interval print ± and give the bounds on hover")
                .isEqualTo("true");
        assertThat(f[6])
                .as("flagged values are shaded and carry the flag's code")
                .isEqualTo("true");
    }

    @Test
    void everyColumnGroupOfTheCellTableFitsA1280PixelWindowWithoutSidewaysScrolling() throws Exception {
        // Issue 15: the cell table scrolled sideways. All its groups together still do (46 columns); each group alone
        // fits: values wrap before their "\u00b1 half-width", flag lists after each ';', in a smaller font; model names
        // do not wrap.
        String r = inWindow(1280, """
                (() => {
                  const t = document.querySelector('table[data-table=cells]');
                  t.closest('details').open = true;
                  const boxes = Array.from(document.querySelectorAll('p.cg[data-for=cells] input'));
                  const was = boxes.map(b => b.checked);
                  const out = ['default:' + t.parentNode.scrollWidth + '/' + t.parentNode.clientWidth + '/0'];
                  boxes.forEach(only => {
                    boxes.forEach(b => { if (b.checked !== (b === only)) b.click(); });
                    // model names stay on one line ("gemma3-1b" broke at its hyphen once the table fitted)
                    const broken = Array.from(t.tBodies[0].rows).filter(r => {
                      const rg = document.createRange();
                      rg.selectNodeContents(r.cells[1]);
                      return rg.getClientRects().length > 1;
                    }).length;
                    out.push(only.value + ':' + t.parentNode.scrollWidth + '/' + t.parentNode.clientWidth + '/' + broken);
                  });
                  boxes.forEach((b, i) => { if (b.checked !== was[i]) b.click(); });
                  return out.join(' ');
                })()""");
        for (String group : r.split(" ")) {
            String[] w = group.split("[:/]");
            assertThat(Integer.parseInt(w[1]))
                    .as("group " + w[0] + " alone: table width against its box (" + r + ")")
                    .isLessThanOrEqualTo(Integer.parseInt(w[2]));
            assertThat(w[3])
                    .as("model names broken over lines, group " + w[0] + " alone")
                    .isEqualTo("0");
        }
        // the view shown at first (the cell and its tokens per joule) fits as well
        assertThat(r.split(" ")).hasSize(7);
        assertThat(r).startsWith("default:");
    }

    @Test
    void tooltipsCarryTheExactValueAndTheInterval() throws Exception {
        String r = browser.eval("""
                Array.from(document.querySelectorAll('#output_tok_per_j_vs_prompt_gen256 svg title'))
                  .map(t => t.textContent).filter(t => t.indexOf('95 %') >= 0).length + ''""");
        // 4 models x 4 prompt lengths at 25W carry SampleData's interval.
        assertThat(Integer.parseInt(r)).isEqualTo(16);
    }

    @Test
    void theScriptRaisesNoErrorAndThePageLogsNone() throws Exception {
        Chromium.settle();
        List<String> errors = new ArrayList<>(browser.errors());
        assertThat(errors).isEmpty();
    }
}
