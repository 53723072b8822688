package io.github.tokjoule.jetson.driver.plan;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One model of a sweep.
 *
 * @param name the model's name in the run directory and in aiperf's {@code --model} (llama.cpp) or
 *     {@code local-<name>} (Ollama); letters, digits, {@code . _ -}, not starting with {@code -} or {@code .}
 * @param ggufPath the absolute path of the GGUF file
 * @param tokenizer the Hugging Face tokenizer id aiperf counts tokens with, e.g.
 *     {@code HuggingFaceTB/SmolLM2-135M-Instruct}
 * @param quantisation the quantisation label, e.g. {@code Q4_K_M} (metadata only; empty if not given)
 * @param contextTokens the server's context size {@code -c}, in tokens (seed: 2560)
 * @param ollamaModelfile a Modelfile used verbatim by {@code ollama create} (Ollama only); empty = generated
 *     ({@code FROM <gguf>}, {@code PARAMETER num_ctx <contextTokens>})
 * @since 0.1.0
 */
public record ModelSpec(
        String name,
        Path ggufPath,
        String tokenizer,
        String quantisation,
        int contextTokens,
        Optional<Path> ollamaModelfile) {

    /**
     * Validates the model.
     *
     * @throws IllegalArgumentException if the name is not a safe directory name, the tokenizer is option-like or
     *     blank, the GGUF path is not absolute, or the context is not positive
     */
    public ModelSpec {
        if (!SweepPlan.isSafeName(name)) {
            throw new IllegalArgumentException("model name must be letters, digits, '.', '_' or '-', not starting"
                    + " with '-' or '.': \"" + name + "\"");
        }
        if (!ggufPath.isAbsolute()) {
            throw new IllegalArgumentException("ggufPath must be absolute: " + ggufPath);
        }
        if (tokenizer.isBlank()
                || tokenizer.startsWith("-")
                || tokenizer.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "tokenizer must be a non-blank id without spaces, not starting with '-': \"" + tokenizer + "\"");
        }
        if (contextTokens <= 0) {
            throw new IllegalArgumentException("contextTokens must be positive: " + contextTokens);
        }
    }

    /**
     * Returns the name Ollama knows the model by: {@code local-<name>} (seed §1.4).
     *
     * @return the Ollama model name
     */
    public String ollamaName() {
        return "local-" + name;
    }
}
