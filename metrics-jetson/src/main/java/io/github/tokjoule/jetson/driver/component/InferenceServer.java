package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.plan.ModelSpec;
import io.github.tokjoule.jetson.driver.process.Command;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves one model at a time to aiperf.
 *
 * @since 0.1.0
 */
public interface InferenceServer {

    /**
     * Starts serving a model and returns once it answers its health check and passed the smoke test.
     *
     * @param model the model
     * @param logDir the directory for the model's server log and files
     * @throws ServerFailureException if the model cannot be served
     * @throws IOException if a program cannot be started or a file written
     * @throws InterruptedException if interrupted
     */
    void start(ModelSpec model, Path logDir) throws ServerFailureException, IOException, InterruptedException;

    /**
     * Returns whether the server still runs and answers its health check.
     *
     * @return true if healthy
     * @throws InterruptedException if interrupted
     */
    boolean isHealthy() throws InterruptedException;

    /**
     * Restarts the current model's server (after it died).
     *
     * @throws ServerFailureException if it cannot be served again
     * @throws IOException if a program cannot be started
     * @throws InterruptedException if interrupted
     */
    void restart() throws ServerFailureException, IOException, InterruptedException;

    /**
     * Stops serving the current model (stops llama-server; unloads the model from Ollama). Does nothing if none.
     *
     * @throws InterruptedException if interrupted
     */
    void stop() throws InterruptedException;

    /**
     * Stops whatever this server started for the whole run (an {@code ollama serve} it launched).
     *
     * @throws InterruptedException if interrupted
     */
    default void close() throws InterruptedException {}

    /**
     * Returns the commands {@link #start} runs for a model, for dry runs.
     *
     * @param model the model
     * @param logDir the directory for the model's files
     * @return the commands, in order
     */
    List<Command> startCommands(ModelSpec model, Path logDir);

    /**
     * Describes the HTTP steps of {@link #start} (health polling, smoke test, warm-up), for dry runs.
     *
     * @param model the model
     * @return one line per step
     */
    List<String> startRequests(ModelSpec model);
}
