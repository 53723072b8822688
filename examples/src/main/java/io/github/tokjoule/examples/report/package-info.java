/**
 * The report the {@code tokjoule report} and {@code demo} commands write: a self-contained HTML page, Markdown, CSV
 * tables and standalone SVG charts (the page embeds them inline), built from {@link io.github.tokjoule.examples.report.ReportData} (the sweep's cells
 * and the analysis's aggregate tables). Every number carries its energy method and the flags that make it
 * approximate.
 */
@NullMarked
package io.github.tokjoule.examples.report;

import org.jspecify.annotations.NullMarked;
