package io.github.tokjoule.jetson.driver.plan;

import java.util.Locale;

/**
 * The inference server a sweep drives.
 *
 * @since 0.1.0
 */
public enum Backend {
    /** llama.cpp's {@code llama-server} (seed §1.3). */
    LLAMA_CPP("llama.cpp", 8080),
    /** Ollama (seed §1.4). */
    OLLAMA("ollama", 11434);

    private final String jsonName;
    private final int defaultPort;

    Backend(String jsonName, int defaultPort) {
        this.jsonName = jsonName;
        this.defaultPort = defaultPort;
    }

    /**
     * Returns the name used in plans and manifests.
     *
     * @return {@code llama.cpp} or {@code ollama}
     */
    public String jsonName() {
        return jsonName;
    }

    /**
     * Returns the seed's port for this backend.
     *
     * @return 8080 for llama.cpp, 11434 for Ollama
     */
    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Parses a backend name: {@code llama.cpp} (also {@code llamacpp}, the seed's spelling) or {@code ollama},
     * case-insensitive.
     *
     * @param name the name
     * @return the backend
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Backend parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "llama.cpp", "llamacpp" -> LLAMA_CPP;
            case "ollama" -> OLLAMA;
            default ->
                throw new IllegalArgumentException("backend must be \"llama.cpp\" or \"ollama\", not \"" + name + "\"");
        };
    }
}
