package io.github.tokjoule.jetson.driver.plan;

/**
 * A sweep plan that cannot be used: malformed JSON, an unknown key, a missing or invalid value, a duplicate cell, a
 * bad power mode or a model file that does not exist. The message names the plan, the JSON path and the offending
 * value.
 *
 * @since 0.1.0
 */
public final class SweepPlanException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String jsonPath;

    /**
     * Creates the exception.
     *
     * @param source the plan's file name or description
     * @param jsonPath the JSON path of the problem, e.g. {@code $.models[2].gguf}
     * @param reason what is wrong, with the value
     */
    public SweepPlanException(String source, String jsonPath, String reason) {
        super(source + ": " + jsonPath + ": " + reason);
        this.source = source;
        this.jsonPath = jsonPath;
    }

    /**
     * Returns the plan's file name or description.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * Returns the JSON path of the problem.
     *
     * @return the path
     */
    public String jsonPath() {
        return jsonPath;
    }
}
