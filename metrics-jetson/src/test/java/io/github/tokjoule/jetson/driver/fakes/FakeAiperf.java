package io.github.tokjoule.jetson.driver.fakes;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.internal.JsonTree;
import io.github.tokjoule.jetson.synthetic.CellSpec;
import io.github.tokjoule.jetson.synthetic.CellTruth;
import io.github.tokjoule.jetson.synthetic.ModeModelParameters;
import io.github.tokjoule.jetson.synthetic.SyntheticCell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fake {@code aiperf profile}: checks its flags like a CLI (unknown flag → exit 2), sends the warm-up and profiled
 * streaming chat requests to {@code --url} (so a dead server shows as request errors, and extra inputs such as
 * {@code ignore_eos}/{@code min_tokens} reach the server), then writes {@code profile_export_aiperf.json} and
 * {@code profile_export.jsonl} into {@code --artifact-dir} with the synthetic sweep's one-cell writer
 * ({@link SyntheticCell#writeAiperfExports(Path, CellSpec)}), so the exports look like the synthetic sweep's.
 *
 * <p>What the synthetic cell takes from the real requests: the request count, how many failed (an HTTP error or no
 * token), and whether the server ended outputs early (fewer tokens than {@code --output-tokens-mean}: synthetic early
 * EOS). Its timeline is the synthetic one (fast {@link #PARAMETERS}) shifted so that its profiling phase starts at the
 * wall clock of the first profiled request; the fake then waits until the synthetic profiling end and the next whole
 * second after its launch have passed (plus a 100 ms teardown) before it exits, so every per-request epoch-ns time lies
 * inside the cell's tegrastats log (started before aiperf, stopped after it), and that log crosses a 1 s stamp boundary
 * so the analysis can place its samples in time. Summary start/end are naive local times in the process's zone ({@code TZ}), like the fake tegrastats.
 *
 * <p>Switches: $FAKE_AIPERF_FAIL_ONCE / $FAKE_AIPERF_FAIL_ALWAYS = comma-separated suffixes of the artifact
 * directory (e.g. {@code 25W/alpha/gen8/ctx16}); a matching run exits 1 without writing a summary (once, or always).
 * $FAKE_AIPERF_HANG_ONCE: the first matching run hangs for two minutes (to be interrupted).
 */
public final class FakeAiperf {

    static final Set<String> VALUE_FLAGS = Set.of(
            "--model",
            "--endpoint-type",
            "--url",
            "--tokenizer",
            "--synthetic-input-tokens-mean",
            "--synthetic-input-tokens-stddev",
            "--output-tokens-mean",
            "--output-tokens-stddev",
            "--request-count",
            "--concurrency",
            "--slice-duration",
            "--random-seed",
            "--request-timeout-seconds",
            "--warmup-request-count",
            "--extra-inputs",
            "--artifact-dir");
    static final Set<String> BOOLEAN_FLAGS = Set.of("--streaming", "--use-legacy-max-tokens");

    /**
     * A fast synthetic model, so a cell of a few short requests lasts about as long as the real requests to the fake
     * server: 5 ms + ISL / 20,000 tok/s to the first token, 3 ms per further token.
     */
    static final ModeModelParameters PARAMETERS = ModeModelParameters.builder()
            .prefillTokensPerSecond(20_000)
            .prefillOverheadMillis(5)
            .interTokenLatencyMillis(3)
            .earlyEosRate(0)
            .errorRate(0)
            .build();

    /** aiperf's teardown after its last request (real aiperf takes about a second). */
    static final long TEARDOWN_NANOS = 100_000_000L;

    private FakeAiperf() {}

    /** One request's outcome. */
    static final class Record {
        long startNs;
        long ackNs;
        long firstTokenNs;
        long endNs;
        int tokens;
        String error;
        int status;
    }

    public static void main(String[] args) throws Exception {
        long launchedNs = epochNanos();
        FakeSupport.record("aiperf", args);
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("0.11.0");
            return;
        }
        if (args.length == 0 || !args[0].equals("profile")) {
            System.out.println("Usage: aiperf profile [OPTIONS]");
            System.exit(2);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> extras = new LinkedHashMap<>();
        boolean legacy = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (BOOLEAN_FLAGS.contains(a)) {
                legacy |= a.equals("--use-legacy-max-tokens");
            } else if (VALUE_FLAGS.contains(a) && i + 1 < args.length) {
                String v = args[++i];
                if (a.equals("--extra-inputs")) {
                    int colon = v.indexOf(':');
                    String key = v.substring(0, colon);
                    String raw = v.substring(colon + 1);
                    extras.put(
                            key,
                            raw.equals("true")
                                    ? (Object) Boolean.TRUE
                                    : raw.matches("\\d+") ? (Object) Long.parseLong(raw) : raw);
                } else {
                    values.put(a, v);
                }
            } else {
                System.out.println("Error: unknown option " + a);
                System.exit(2);
            }
        }
        Path dir = Path.of(values.get("--artifact-dir"));
        Files.createDirectories(dir);
        String where = dir.toString();
        if (matches("FAKE_AIPERF_FAIL_ALWAYS", where)
                || (matches("FAKE_AIPERF_FAIL_ONCE", where)
                        && FakeSupport.firstTime("aiperf-failed-" + where.replace('/', '_')))) {
            System.out.println("aiperf: simulated failure for " + where);
            System.exit(1);
        }
        if (matches("FAKE_AIPERF_HANG_ONCE", where)
                && FakeSupport.firstTime("aiperf-hung-" + where.replace('/', '_'))) {
            System.out.println("aiperf: simulated hang for " + where);
            System.out.flush();
            Thread.sleep(120_000);
        }
        String model = values.get("--model");
        String url = values.get("--url") + "/v1/chat/completions";
        int isl = Integer.parseInt(values.get("--synthetic-input-tokens-mean"));
        int osl = Integer.parseInt(values.get("--output-tokens-mean"));
        int count = Integer.parseInt(values.get("--request-count"));
        int warmup = Integer.parseInt(values.getOrDefault("--warmup-request-count", "0"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", "lorem ".repeat(isl).strip());
        body.put("messages", List.of(message));
        body.put("stream", true);
        body.put(legacy ? "max_tokens" : "max_completion_tokens", (long) osl);
        body.putAll(extras);
        String json = JsonTree.write(body, false);
        for (int i = 0; i < warmup; i++) {
            send(url, json);
        }
        long profileStartNs = epochNanos();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(send(url, json));
        }
        long syntheticEndNs = writeExports(dir, values, records, osl, legacy, profileStartNs);
        // Exit only after (a) the synthetic requests' end plus a short teardown, and (b) the next whole second after
        // the launch: the cell's tegrastats log (started before aiperf, stopped after it) then crosses a 1 s stamp
        // boundary, as every real cell (many seconds long) does. Without a crossing, sample times reconstructed from
        // 1 s stamps are uncertain by up to a second minus the log's length, and a sub-second log could not place the
        // requests inside it.
        long nextSecondNs = (launchedNs / 1_000_000_000L + 1) * 1_000_000_000L;
        long exitNs = Math.max(syntheticEndNs + TEARDOWN_NANOS, nextSecondNs + TEARDOWN_NANOS);
        long wait = exitNs - epochNanos();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L + 1);
        }
        System.out.println("aiperf: "
                + records.stream().filter(r -> r.error == null).count() + " of " + count + " requests succeeded");
    }

    private static boolean matches(String variable, String dir) {
        return FakeSupport.envList(variable).stream().anyMatch(suffix -> dir.endsWith("/" + suffix));
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static Record send(String url, String json) {
        Record r = new Record();
        r.startNs = epochNanos();
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(10000);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            r.status = c.getResponseCode();
            r.ackNs = epochNanos();
            if (r.status != 200) {
                r.error = "HTTP " + r.status;
                r.endNs = epochNanos();
                return r;
            }
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.startsWith("data: ")) {
                        continue;
                    }
                    String data = line.substring(6);
                    if (data.equals("[DONE]")) {
                        break;
                    }
                    if (data.contains("\"content\":\" ")) {
                        if (r.tokens == 0) {
                            r.firstTokenNs = epochNanos();
                        }
                        r.tokens++;
                    }
                }
            }
            r.endNs = epochNanos();
            if (r.tokens == 0) {
                r.error = "no tokens in the response";
            }
        } catch (IOException e) {
            r.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            r.endNs = epochNanos();
        }
        return r;
    }

    /**
     * Writes the synthetic one-cell exports for what really happened: the real request count, failures and whether
     * the server cut the outputs short, with the synthetic timeline shifted so that its profiling phase starts at
     * {@code profileStartNs} (the wall clock before the first profiled request; the cell's tegrastats already runs
     * then). Returns the synthetic profiling end, which the caller waits for before exiting, so that every request
     * time lies inside the tegrastats log of the cell.
     */
    static long writeExports(
            Path dir, Map<String, String> values, List<Record> records, int osl, boolean legacy, long profileStartNs)
            throws IOException {
        int failed = (int) records.stream().filter(r -> r.error != null).count();
        boolean earlyEos = records.stream().anyMatch(r -> r.error == null && r.tokens < osl);
        CellSpec first = spec(dir, values, records.size(), failed, earlyEos, legacy, profileStartNs);
        CellTruth probe = SyntheticCell.simulate(first).truth();
        // The timeline is invariant under a shift of its start: move it so that profiling starts at profileStartNs.
        long lead = probe.profilingStartEpochNanos() - probe.logStartEpochNanos();
        CellSpec spec = spec(dir, values, records.size(), failed, earlyEos, legacy, profileStartNs - lead);
        return SyntheticCell.writeAiperfExports(dir, spec).profilingEndEpochNanos();
    }

    private static CellSpec spec(
            Path dir,
            Map<String, String> values,
            int requests,
            int failed,
            boolean earlyEos,
            boolean legacy,
            long startNs) {
        // <run>/<MODE>/<model>/gen<G>/ctx<C>: the mode only labels the synthetic input_config.
        Path modeDir = dir.getParent() == null || dir.getParent().getParent() == null
                ? null
                : dir.getParent().getParent().getParent();
        String mode = modeDir == null || modeDir.getFileName() == null
                ? "UNKNOWN"
                : modeDir.getFileName().toString();
        CellSpec.Builder b = CellSpec.builder(
                        values.get("--model"),
                        PowerMode.of(0, mode),
                        Integer.parseInt(values.get("--synthetic-input-tokens-mean")),
                        Integer.parseInt(values.get("--output-tokens-mean")),
                        PARAMETERS,
                        Instant.ofEpochSecond(0, startNs),
                        ZoneId.systemDefault())
                .requests(requests)
                .tokenizer(values.get("--tokenizer"))
                .backend(legacy ? "ollama" : "llama.cpp")
                .randomSeed(dir.toString().hashCode())
                .earlyEos(earlyEos)
                .failedRequests(failed);
        return b.build();
    }
}
