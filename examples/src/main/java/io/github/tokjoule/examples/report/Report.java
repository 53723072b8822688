package io.github.tokjoule.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole report, ready to be written as HTML or Markdown: title, setup, headline, then sections of tables and charts
 * in the order of the seed's post.
 *
 * @param title the title
 * @param setup the setup items
 * @param method the energy method of the report's numbers
 * @param methodDescription how the method computes energy
 * @param notes warnings shown under the setup
 * @param headline the headline findings
 * @param sections the sections, in order
 */
public record Report(
        String title,
        List<ReportData.SetupItem> setup,
        String method,
        String methodDescription,
        List<String> notes,
        Headline headline,
        List<Section> sections) {

    /** Copies the lists. */
    public Report {
        setup = List.copyOf(setup);
        notes = List.copyOf(notes);
        sections = List.copyOf(sections);
    }

    /** {@return every table of the report, in order} */
    public List<Table> tables() {
        List<Table> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof TableBlock t) {
                    out.add(t.table());
                }
            }
        }
        return out;
    }

    /** {@return every chart of the report, in order} */
    public List<Chart> charts() {
        List<Chart> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof ChartBlock c) {
                    out.add(c.chart());
                }
            }
        }
        return out;
    }

    /**
     * A section: an anchor id, a title, an introduction, and blocks.
     *
     * @param id the anchor id, e.g. {@code latency}
     * @param title the title
     * @param intro the introduction (may be empty)
     * @param blocks tables, charts and prose, in order
     */
    public record Section(String id, String title, String intro, List<Block> blocks) {
        /** Copies the blocks. */
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A block of a section. */
    public sealed interface Block permits TableBlock, ChartBlock, ProseBlock {}

    /**
     * Paragraphs of explanation.
     *
     * @param id the anchor id
     * @param title the heading
     * @param paragraphs the paragraphs
     */
    public record ProseBlock(String id, String title, List<String> paragraphs) implements Block {
        /** Copies the paragraphs. */
        public ProseBlock {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * A table block.
     *
     * @param table the table
     * @param collapsed whether HTML shows it collapsed (the long cell table)
     */
    public record TableBlock(Table table, boolean collapsed) implements Block {}

    /**
     * A chart block.
     *
     * @param chart the chart
     */
    public record ChartBlock(Chart chart) implements Block {}
}
