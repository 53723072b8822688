package io.github.tokjoule.jetson.driver.process;

/**
 * How a process that ran to completion (or was stopped at its time limit) ended.
 *
 * @param command the command
 * @param exitCode the exit code; meaningless if {@code timedOut}
 * @param timedOut whether the time limit stopped the process
 * @param output its standard output and error, merged (at most the first mebibyte)
 * @since 0.1.0
 */
public record ProcessResult(Command command, int exitCode, boolean timedOut, String output) {

    /**
     * Returns whether the process exited with code 0 within its time limit.
     *
     * @return true on success
     */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * Describes the failure for an error message: the command, the exit code or the timeout, and the last lines of
     * output.
     *
     * @return the description
     */
    public String describeFailure() {
        String how = timedOut ? "did not finish in time" : "exited with code " + exitCode;
        return "`" + command.toDisplayString() + "` " + how + tail(output, 5);
    }

    static String tail(String output, int lines) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String[] all = trimmed.split("\\R", -1);
        int from = Math.max(0, all.length - lines);
        StringBuilder sb = new StringBuilder(": ");
        for (int i = from; i < all.length; i++) {
            if (i > from) {
                sb.append(" | ");
            }
            sb.append(all[i].strip());
        }
        return sb.toString();
    }
}
