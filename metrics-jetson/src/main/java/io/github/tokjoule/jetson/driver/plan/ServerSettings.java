package io.github.tokjoule.jetson.driver.plan;

/**
 * Where the inference server listens and how often it may be restarted.
 *
 * @param host the address the server binds ({@code --host}); default {@code 127.0.0.1}. The seed bound
 *     {@code 0.0.0.0}, which exposes the server to the network for no benefit to the measurement.
 * @param port the port ({@code --port}); default 8080 for llama.cpp, 11434 for Ollama
 * @param maxRestartsPerModel how many times a dead server is restarted for one model before the model is marked
 *     failed (default 1; the seed restarted without limit)
 * @since 0.1.0
 */
public record ServerSettings(String host, int port, int maxRestartsPerModel) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the host is blank or option-like, the port outside 1..65535 or the
     *     restart count negative
     */
    public ServerSettings {
        if (host.isBlank() || host.startsWith("-") || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "host must be an address without spaces, not starting with '-': \"" + host + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535: " + port);
        }
        if (maxRestartsPerModel < 0) {
            throw new IllegalArgumentException("maxRestartsPerModel must not be negative: " + maxRestartsPerModel);
        }
    }

    /**
     * Returns the host clients connect to: the bound host, or {@code 127.0.0.1} when the server binds every
     * interface.
     *
     * @return the client host
     */
    public String clientHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    /**
     * Returns the base URL clients use, e.g. {@code http://127.0.0.1:8080}.
     *
     * @return the URL
     */
    public String baseUrl() {
        String h = clientHost();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }
}
