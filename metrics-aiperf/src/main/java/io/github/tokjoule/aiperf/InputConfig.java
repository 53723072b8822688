package io.github.tokjoule.aiperf;

import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The essentials of a summary's {@code input_config}: what was benchmarked and how. The structure of
 * {@code input_config} changed with every generation of aiperf and genai-perf, so each value is looked up in the places
 * each writer puts it (first match wins) and is empty when none has it:
 *
 * <ul>
 *   <li>aiperf ≤ 0.8 ({@code UserConfig}): {@code endpoint.model_names[0]}, {@code endpoint.type},
 *       {@code endpoint.streaming}, {@code endpoint.url} / {@code endpoint.urls[0]},
 *       {@code loadgen.concurrency | request_rate | request_count | warmup_request_count},
 *       {@code input.prompt.input_tokens.mean | stddev}, {@code input.prompt.output_tokens.mean | stddev},
 *       {@code cli_command};
 *   <li>aiperf ≥ 0.10 ({@code BenchmarkConfig}): {@code models.items[0].name} (or {@code models[0]}),
 *       {@code endpoint.*}, the profiling phase of {@code phases} ({@code concurrency}, {@code requests},
 *       {@code rate}) and its warm-up phase ({@code requests}), {@code datasets[*].prompts.isl | osl} (a number or
 *       {@code {mean, stddev}}), and {@code run_info.cli_command} outside {@code input_config};
 *   <li>genai-perf: the flat argparse dictionary ({@code model}, {@code endpoint_type}, {@code streaming},
 *       {@code concurrency}, {@code request_rate}, {@code request_count}, {@code warmup_request_count},
 *       {@code synthetic_input_tokens_mean | stddev}, {@code output_tokens_mean | stddev}) or the nested config
 *       ({@code model_names}, {@code perf_analyzer.stimulus}, {@code perf_analyzer.warmup_request_count},
 *       {@code input.synthetic_tokens}, {@code input.output_tokens}).
 * </ul>
 *
 * <p>Negative counts and token means are genai-perf's "not set" marker ({@code output_tokens_mean: -1}) and read as
 * absent. A value of the wrong type is reported in the profile's {@link ReadReport} and read as absent.
 *
 * @since 0.1.0
 */
public final class InputConfig {

    private final @Nullable String model;
    private final @Nullable String endpointType;
    private final @Nullable String url;
    private final @Nullable Boolean streaming;
    private final @Nullable Long concurrency;
    private final @Nullable Double requestRatePerSecond;
    private final @Nullable Long requestCount;
    private final @Nullable Long warmupRequestCount;
    private final @Nullable Double islMeanTokens;
    private final @Nullable Double islStddevTokens;
    private final @Nullable Double oslMeanTokens;
    private final @Nullable Double oslStddevTokens;
    private final @Nullable String cliCommand;

    @SuppressWarnings("TooManyParameters") // package-private; built by InputConfigExtractor only
    InputConfig(
            @Nullable String model,
            @Nullable String endpointType,
            @Nullable String url,
            @Nullable Boolean streaming,
            @Nullable Long concurrency,
            @Nullable Double requestRatePerSecond,
            @Nullable Long requestCount,
            @Nullable Long warmupRequestCount,
            @Nullable Double islMeanTokens,
            @Nullable Double islStddevTokens,
            @Nullable Double oslMeanTokens,
            @Nullable Double oslStddevTokens,
            @Nullable String cliCommand) {
        this.model = model;
        this.endpointType = endpointType;
        this.url = url;
        this.streaming = streaming;
        this.concurrency = concurrency;
        this.requestRatePerSecond = requestRatePerSecond;
        this.requestCount = requestCount;
        this.warmupRequestCount = warmupRequestCount;
        this.islMeanTokens = islMeanTokens;
        this.islStddevTokens = islStddevTokens;
        this.oslMeanTokens = oslMeanTokens;
        this.oslStddevTokens = oslStddevTokens;
        this.cliCommand = cliCommand;
    }

    /** {@return a configuration with nothing known (a file without {@code input_config})} */
    public static InputConfig empty() {
        return new InputConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@return the (first) model name} */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** {@return the endpoint type, e.g. {@code "chat"}} */
    public Optional<String> endpointType() {
        return Optional.ofNullable(endpointType);
    }

    /** {@return the (first) server URL} */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** {@return whether responses were streamed (TTFT and ITL exist only if so)} */
    public Optional<Boolean> streaming() {
        return Optional.ofNullable(streaming);
    }

    /** {@return the concurrency of the profiling phase} */
    public OptionalLong concurrency() {
        return concurrency == null ? OptionalLong.empty() : OptionalLong.of(concurrency);
    }

    /** {@return the target request rate of the profiling phase in requests per second, or NaN if absent} */
    public double requestRatePerSecond() {
        return requestRatePerSecond == null ? Double.NaN : requestRatePerSecond;
    }

    /** {@return the number of requests of the profiling phase} */
    public OptionalLong requestCount() {
        return requestCount == null ? OptionalLong.empty() : OptionalLong.of(requestCount);
    }

    /** {@return the number of warm-up requests} */
    public OptionalLong warmupRequestCount() {
        return warmupRequestCount == null ? OptionalLong.empty() : OptionalLong.of(warmupRequestCount);
    }

    /** {@return the target mean input sequence length (ISL) in tokens, or NaN if absent} */
    public double inputSequenceLengthMeanTokens() {
        return islMeanTokens == null ? Double.NaN : islMeanTokens;
    }

    /** {@return the target standard deviation of the input sequence length in tokens, or NaN if absent} */
    public double inputSequenceLengthStddevTokens() {
        return islStddevTokens == null ? Double.NaN : islStddevTokens;
    }

    /** {@return the target mean output sequence length (OSL) in tokens, or NaN if absent} */
    public double outputSequenceLengthMeanTokens() {
        return oslMeanTokens == null ? Double.NaN : oslMeanTokens;
    }

    /** {@return the target standard deviation of the output sequence length in tokens, or NaN if absent} */
    public double outputSequenceLengthStddevTokens() {
        return oslStddevTokens == null ? Double.NaN : oslStddevTokens;
    }

    /** {@return the command line that ran the benchmark} */
    public Optional<String> cliCommand() {
        return Optional.ofNullable(cliCommand);
    }

    @Override
    public String toString() {
        return "InputConfig[model=" + model + ", endpointType=" + endpointType + ", url=" + url + ", streaming="
                + streaming + ", concurrency=" + concurrency + ", requestRatePerSecond=" + requestRatePerSecond
                + ", requestCount=" + requestCount + ", warmupRequestCount=" + warmupRequestCount + ", isl="
                + islMeanTokens + "±" + islStddevTokens + ", osl=" + oslMeanTokens + "±" + oslStddevTokens + "]";
    }
}
