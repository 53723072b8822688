package io.github.tokjoule.examples;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The sweep's progress line on standard error: a bar, cells done / total, the current mode, model and cell, the
 * elapsed time and the estimated time left. On a terminal the line is redrawn in place ({@code \r}); otherwise (a log
 * file, a pipe) one line is printed per update so that the log stays readable.
 */
final class ProgressBar {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean interactive;
    private int lastLength;

    /**
     * Creates a progress bar.
     *
     * @param err where to draw
     * @param interactive whether {@code err} is a terminal (redraw in place)
     */
    ProgressBar(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /**
     * Draws the progress.
     *
     * @param done cells done
     * @param total cells in the plan
     * @param mode the current mode, or empty
     * @param model the current model, or empty
     * @param cell the current cell (e.g. {@code gen256/ctx2048}), or empty
     * @param elapsed time since the session started
     * @param eta estimated time left, if known
     */
    void update(
            int done,
            int total,
            Optional<String> mode,
            Optional<String> model,
            Optional<String> cell,
            Duration elapsed,
            Optional<Duration> eta) {
        String line = render(done, total, mode, model, cell, elapsed, eta);
        if (interactive) {
            int pad = Math.max(0, lastLength - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastLength = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the progress line (on a terminal, moves to the next line). */
    void finish() {
        if (interactive && lastLength > 0) {
            err.println();
            err.flush();
        }
        lastLength = 0;
    }

    /** Prints a message on its own line, above the bar. */
    void message(String text) {
        if (interactive && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(text);
        err.flush();
    }

    /**
     * Renders one progress line, e.g. {@code [######------------------] 96/384 cells  25W  qwen3-0.6b  gen256/ctx2048
     * elapsed 1:02:03  ETA 3:06:09}.
     */
    static String render(
            int done,
            int total,
            Optional<String> mode,
            Optional<String> model,
            Optional<String> cell,
            Duration elapsed,
            Optional<Duration> eta) {
        int filled = total <= 0 ? 0 : (int) Math.min(BAR_WIDTH, (long) BAR_WIDTH * Math.max(0, done) / total);
        StringBuilder sb = new StringBuilder(120);
        sb.append('[')
                .append("#".repeat(filled))
                .append("-".repeat(BAR_WIDTH - filled))
                .append("] ")
                .append(done)
                .append('/')
                .append(total)
                .append(" cells");
        mode.ifPresent(m -> sb.append("  ").append(m));
        model.ifPresent(m -> sb.append("  ").append(m));
        cell.ifPresent(c -> sb.append("  ").append(c));
        sb.append("  elapsed ").append(clock(elapsed));
        sb.append("  ETA ").append(eta.map(ProgressBar::clock).orElse("--:--"));
        return sb.toString();
    }

    /**
     * Formats a duration as {@code H:MM:SS} (or {@code M:SS} under an hour).
     *
     * @param d the duration, negative treated as zero
     * @return the text
     */
    static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
