package io.github.tokjoule.jetson.driver.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.tokjoule.jetson.PowerMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepPlanTest {

    @TempDir
    Path tmp;

    private static final Duration ONE = Duration.ofSeconds(1);
    private static final String MODEL = "{\"name\": \"m\", \"gguf\": \"/models/m.gguf\", \"tokenizer\": \"org/m\"}";

    private static SweepPlan parse(String json) {
        return SweepPlan.parse(json, "plan.json", Path.of("/plans"));
    }

    private static String with(String members) {
        return "{\"models\": [" + MODEL + "]" + (members.isEmpty() ? "" : ", " + members) + "}";
    }

    @Test
    void aMinimalPlanGetsTheSeedDefaults() {
        SweepPlan plan = parse(with(""));
        assertThat(plan.backend()).isEqualTo(Backend.LLAMA_CPP);
        assertThat(plan.grid().modes()).containsExactly(PowerMode.of(0, "15W"));
        assertThat(plan.grid().promptLengths()).containsExactly(128, 512, 1024, 2048);
        assertThat(plan.grid().genLengths()).containsExactly(64, 128, 256);
        assertThat(plan.requestsPerCell()).isEqualTo(20);
        assertThat(plan.concurrency()).isEqualTo(1);
        assertThat(plan.warmupRequests()).isEqualTo(1);
        assertThat(plan.outputLengthControl()).isTrue();
        assertThat(plan.tegrastatsIntervalMillis()).isEqualTo(500);
        assertThat(plan.randomSeed()).isEqualTo(42);
        assertThat(plan.sliceDurationSeconds()).isEqualTo(30);
        assertThat(plan.maxErrorRequests()).isZero();
        assertThat(plan.smokeTest()).isTrue();
        assertThat(plan.jetsonClocksFan()).isTrue();
        assertThat(plan.server()).isEqualTo(new ServerSettings("127.0.0.1", 8080, 1));
        assertThat(plan.cooldowns()).isEqualTo(Cooldowns.SEED);
        assertThat(plan.cooldowns().betweenCells()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.timeouts()).isEqualTo(Timeouts.SEED);
        assertThat(plan.timeouts().serverStartup()).isEqualTo(Duration.ofSeconds(300));
        assertThat(plan.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(plan.description()).isEmpty();
        ModelSpec m = plan.models().get(0);
        assertThat(m.contextTokens()).isEqualTo(2560);
        assertThat(m.quantisation()).isEmpty();
        assertThat(m.ggufPath()).isEqualTo(Path.of("/models/m.gguf"));
        assertThat(plan.source()).isEqualTo("plan.json");
        assertThat(plan.toString()).contains("1 modes × 1 models × 3 gens × 4 prompts");
    }

    @Test
    void ollamaDefaultsToItsPortAndTheServerClientHostAvoidsTheWildcard() {
        SweepPlan plan = parse(with("\"backend\": \"ollama\", \"server\": {\"host\": \"0.0.0.0\"}"));
        assertThat(plan.backend()).isEqualTo(Backend.OLLAMA);
        assertThat(plan.server().port()).isEqualTo(11434);
        assertThat(plan.server().baseUrl()).isEqualTo("http://127.0.0.1:11434");
        assertThat(new ServerSettings("::1", 80, 0).baseUrl()).isEqualTo("http://[::1]:80");
        assertThat(Backend.parse("LlamaCpp")).isEqualTo(Backend.LLAMA_CPP);
        assertThat(parse(with("\"backend\": \"llamacpp\"")).models().get(0).ollamaName())
                .isEqualTo("local-m");
    }

    @Test
    void cellsRunModeThenModelThenGenThenCtx() {
        SweepPlan plan = parse("{\"modes\": [{\"id\": 1, \"label\": \"25W\"}, {\"id\": 0, \"label\": \"15W\"}],"
                + " \"models\": [" + MODEL + ", {\"name\": \"n\", \"gguf\": \"n.gguf\", \"tokenizer\": \"org/n\"}],"
                + " \"genLengths\": [64, 128], \"promptLengths\": [512, 128]}");
        List<String> keys = plan.cells().stream().map(c -> c.key().toString()).collect(Collectors.toList());
        assertThat(plan.grid().cellCount()).isEqualTo(16).isEqualTo(keys.size());
        assertThat(keys)
                .startsWith(
                        "25W/m/gen64/ctx512",
                        "25W/m/gen64/ctx128",
                        "25W/m/gen128/ctx512",
                        "25W/m/gen128/ctx128",
                        "25W/n/gen64/ctx512")
                .endsWith("15W/n/gen128/ctx128");
        assertThat(plan.models().get(1).ggufPath()).isEqualTo(Path.of("/plans/n.gguf"));
        assertThat(plan.cells().get(0).key().relativeDir()).isEqualTo(Path.of("25W", "m", "gen64", "ctx512"));
    }

    @Test
    void aHomeRelativePathIsExpanded() {
        SweepPlan plan = parse(
                "{\"models\": [{\"name\": \"m\", \"gguf\": \"~/gguf-models/m.gguf\"," + " \"tokenizer\": \"org/m\"}]}");
        assertThat(plan.models().get(0).ggufPath())
                .isEqualTo(Path.of(System.getProperty("user.home"), "gguf-models", "m.gguf"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "\"foo\": 1| $.foo| unknown key (known: backend, concurrency,",
                "\"modes\": [{\"id\": 0, \"label\": \"15W\", \"watts\": 15}]| $.modes[0].watts| unknown key",
                "\"modes\": [{\"id\": 0, \"label\": \"15W\"}, {\"id\": 0, \"label\": \"25W\"}]| $.modes[1].id|"
                        + " duplicate cell: mode id 0 already used by $.modes[0]",
                "\"modes\": [{\"id\": 0, \"label\": \"maxn\"}, {\"id\": 2, \"label\": \"MAXN\"}]| $.modes[1].label|"
                        + " duplicate cell: mode label \"MAXN\" already used by $.modes[0]",
                "\"modes\": [{\"id\": -1, \"label\": \"15W\"}]| $.modes[0].id| bad mode: nvpmodel id must be ≥ 0: -1",
                "\"modes\": [{\"id\": 1, \"label\": \"../25W\"}]| $.modes[0].label| bad mode: a label names a directory",
                "\"modes\": [{\"id\": 1}]| $.modes[0].label| missing",
                "\"modes\": []| $.modes| must list at least one power mode",
                "\"modes\": \"15W\"| $.modes| must be an array, not \"15W\"",
                "\"modes\": [3]| $.modes[0]| must be an object, not 3",
                "\"promptLengths\": [128, 512, 512]| $.promptLengths[2]|"
                        + " duplicate cell: 512 already listed at $.promptLengths[1]",
                "\"genLengths\": [0]| $.genLengths[0]| must be an integer ≥ 1: 0",
                "\"genLengths\": []| $.genLengths| must list at least one length",
                "\"requestsPerCell\": \"20\"| $.requestsPerCell| must be an integer, not \"20\"",
                "\"requestsPerCell\": 2.5| $.requestsPerCell| must be an integer, not 2.5",
                "\"maxErrorRequests\": 20| $.maxErrorRequests| must be below requestsPerCell (20): 20",
                "\"backend\": \"vllm\"| $.backend| backend must be \"llama.cpp\" or \"ollama\", not \"vllm\"",
                "\"zone\": \"Mars/Olympus\"| $.zone| not a zone id (IANA, e.g. \"Asia/Kolkata\"): \"Mars/Olympus\"",
                "\"outputLengthControl\": \"yes\"| $.outputLengthControl| must be true or false, not \"yes\"",
                "\"randomSeed\": true| $.randomSeed| must be an integer, not true",
                "\"cooldowns\": {\"betweenCellsSeconds\": -1}| $.cooldowns.betweenCellsSeconds| must be ≥ 0",
                "\"cooldowns\": {\"betweenCells\": 1}| $.cooldowns.betweenCells| unknown key",
                "\"timeouts\": {\"requestSeconds\": 0}| $.timeouts.requestSeconds| must be > 0",
                "\"timeouts\": {\"requestSeconds\": \"long\"}| $.timeouts.requestSeconds| must be a number of seconds",
                "\"server\": {\"port\": 70000}| $.server.port| must be in 1..65535: 70000",
                "\"server\": {\"host\": \"-h\"}| $.server.host| host must be an address without spaces",
                "\"server\": 8080| $.server| must be an object, not 8080",
                "\"description\": 5| $.description| must be a string, not 5",
            })
    void everyProblemNamesItsPathAndValue(String members, String path, String message) {
        assertThatThrownBy(() -> parse(with(members)))
                .isInstanceOfSatisfying(SweepPlanException.class, e -> {
                    assertThat(e.jsonPath()).isEqualTo(path.strip());
                    assertThat(e.source()).isEqualTo("plan.json");
                })
                .hasMessageStartingWith("plan.json: " + path.strip() + ": ")
                .hasMessageContaining(message.strip());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": \"m\", \"gguf\": \"-rf\", \"tokenizer\": \"t\"}| $.models[0].gguf|"
                        + " option-like path (starts with '-') refused: \"-rf\"",
                "{\"name\": \"m\", \"gguf\": \"dir/--help\", \"tokenizer\": \"t\"}| $.models[0].gguf|"
                        + " option-like or empty file name refused",
                "{\"name\": \"m\", \"gguf\": \"\", \"tokenizer\": \"t\"}| $.models[0].gguf| must not be empty",
                "{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"--trust-remote-code\"}| $.models[0].tokenizer|"
                        + " not starting with '-'",
                "{\"name\": \"-m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\"}| $.models[0].name| a model name names"
                        + " a directory",
                "{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\", \"contextTokens\": 2000}|"
                        + " $.models[0].contextTokens| 2000 tokens cannot hold the longest prompt and generation"
                        + " (2048 + 256 = 2304)",
                "{\"name\": \"m\", \"gguf\": \"m.gguf\"}| $.models[0].tokenizer| missing",
                "{\"name\": \"m\", \"gguf\": \"m.gguf\", \"tokenizer\": \"t\", \"quant\": \"Q4\"}| $.models[0].quant|"
                        + " unknown key",
            })
    void modelProblemsNameTheirPath(String model, String path, String message) {
        assertThatThrownBy(() -> parse("{\"models\": [" + model + "]}"))
                .isInstanceOf(SweepPlanException.class)
                .hasMessageStartingWith("plan.json: " + path.strip() + ": ")
                .hasMessageContaining(message.strip());
    }

    @Test
    void duplicateModelsAndMissingModelsAreRefused() {
        assertThatThrownBy(() -> parse("{\"models\": [" + MODEL + ", " + MODEL.replace("/models/", "/other/") + "]}"))
                .hasMessage("plan.json: $.models[1].name: duplicate cell: model name \"m\" already used by"
                        + " $.models[0]");
        assertThatThrownBy(() -> parse("{}"))
                .hasMessage("plan.json: $.models: missing: a plan needs at least one" + " model");
        assertThatThrownBy(() -> parse("{\"models\": []}")).hasMessageContaining("must list at least one model");
    }

    @Test
    void malformedJsonIsReportedWithItsLocation() {
        assertThatThrownBy(() -> parse("{\"models\": [}"))
                .isInstanceOf(SweepPlanException.class)
                .hasMessageStartingWith("plan.json: $: malformed JSON")
                .hasMessageContaining("line 1, column 13");
        assertThatThrownBy(() -> parse(with("\"concurrency\": 1, \"concurrency\": 2")))
                .hasMessageStartingWith("plan.json: $.concurrency: duplicate key \"concurrency\"");
        assertThatThrownBy(() -> parse("")).hasMessage("plan.json: $: empty document");
        assertThatThrownBy(() -> parse(with("") + " {}")).hasMessageContaining("unexpected content after the document");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("plan.json: $: must be an object, not an array");
    }

    @Test
    void modelFilesAreCheckedOnlyWhenAsked() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("dir.gguf"));
        SweepPlan missing = SweepPlan.parse(
                "{\"models\": [{\"name\": \"m\", \"gguf\": \"absent.gguf\", \"tokenizer\": \"t\"}]}", "p.json", tmp);
        assertThatThrownBy(missing::checkModelFiles)
                .isInstanceOf(SweepPlanException.class)
                .hasMessage(
                        "p.json: $.models[0].gguf: model file does not exist: \"" + tmp.resolve("absent.gguf") + "\"");
        SweepPlan directory = SweepPlan.parse(
                "{\"models\": [{\"name\": \"m\", \"gguf\": \"dir.gguf\", \"tokenizer\": \"t\"}]}", "p.json", tmp);
        assertThatThrownBy(directory::checkModelFiles).hasMessageContaining("not a regular file: \"" + dir + "\"");
        Files.writeString(tmp.resolve("ok.gguf"), "x");
        SweepPlan modelfile = SweepPlan.parse(
                "{\"backend\": \"ollama\", \"models\": [{\"name\": \"m\", \"gguf\": \"ok.gguf\", \"tokenizer\": \"t\","
                        + " \"ollamaModelfile\": \"Modelfile\"}]}",
                "p.json",
                tmp);
        assertThatThrownBy(modelfile::checkModelFiles).hasMessageContaining("$.models[0].ollamaModelfile");
        Files.writeString(tmp.resolve("Modelfile"), "FROM ok.gguf\n");
        modelfile.checkModelFiles();
        assertThat(modelfile.models().get(0).ollamaModelfile()).contains(tmp.resolve("Modelfile"));
    }

    @Test
    void everyMissingModelFileIsNamedNotOnlyTheFirst() throws IOException {
        Files.writeString(tmp.resolve("b.gguf"), "x");
        SweepPlan plan = SweepPlan.parse(
                "{\"models\": [{\"name\": \"a\", \"gguf\": \"a.gguf\", \"tokenizer\": \"t\"},"
                        + " {\"name\": \"b\", \"gguf\": \"b.gguf\", \"tokenizer\": \"t\"},"
                        + " {\"name\": \"c\", \"gguf\": \"c.gguf\", \"tokenizer\": \"t\"}]}",
                "p.json",
                tmp);
        assertThat(plan.missingModelFiles())
                .containsExactly(
                        "$.models[0].gguf: model file does not exist: \"" + tmp.resolve("a.gguf") + "\"",
                        "$.models[2].gguf: model file does not exist: \"" + tmp.resolve("c.gguf") + "\"");
        assertThatThrownBy(plan::checkModelFiles)
                .isInstanceOf(SweepPlanException.class)
                .hasMessage("p.json: $.models[0].gguf: 2 model files are missing or unreadable: "
                        + String.join("; ", plan.missingModelFiles()));
        Files.writeString(tmp.resolve("a.gguf"), "x");
        Files.writeString(tmp.resolve("c.gguf"), "x");
        assertThat(plan.missingModelFiles()).isEmpty();
        plan.checkModelFiles();
    }

    @Test
    void readResolvesAgainstThePlanFilesDirectory() throws IOException {
        Path file = tmp.resolve("plans/p.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"models\": [{\"name\": \"m\", \"gguf\": \"../w/m.gguf\", \"tokenizer\": \"t\"}]}");
        SweepPlan plan = SweepPlan.read(file);
        assertThat(plan.models().get(0).ggufPath()).isEqualTo(tmp.resolve("w/m.gguf"));
        assertThat(plan.source()).isEqualTo(file.toString());
    }

    @Test
    void theCanonicalJsonReadsBackToAnEqualPlanAndTheFingerprintIgnoresWaitsOnly() {
        SweepPlan plan = parse(with("\"zone\": \"Asia/Kolkata\", \"cooldowns\": {\"betweenCellsSeconds\": 2.5},"
                + " \"timeouts\": {\"aiperfCellSeconds\": 900}, \"description\": \"seed\""));
        SweepPlan again = SweepPlan.parse(plan.toJson(), "again", Path.of("/elsewhere"));
        assertThat(again).isEqualTo(plan).hasSameHashCodeAs(plan);
        assertThat(again.fingerprint()).isEqualTo(plan.fingerprint()).matches("sha256:[0-9a-f]{64}");
        assertThat(again.cooldowns().betweenCells()).isEqualTo(Duration.ofMillis(2500));
        assertThat(plan.toJson()).contains("\"betweenCellsSeconds\" : 2.5", "\"aiperfCellSeconds\" : 900");

        SweepPlan slower = parse(with("\"zone\": \"Asia/Kolkata\", \"cooldowns\": {\"betweenCellsSeconds\": 60},"
                + " \"timeouts\": {\"serverStartupSeconds\": 900}, \"server\": {\"port\": 9000}"));
        assertThat(slower.fingerprint()).isEqualTo(plan.fingerprint());
        assertThat(slower).isNotEqualTo(plan);
        for (String change : List.of(
                "\"genLengths\": [64]",
                "\"requestsPerCell\": 10",
                "\"outputLengthControl\": false",
                "\"warmupRequests\": 0",
                "\"backend\": \"ollama\"")) {
            assertThat(parse(with("\"zone\": \"Asia/Kolkata\", " + change)).fingerprint())
                    .as(change)
                    .isNotEqualTo(parse(with("\"zone\": \"Asia/Kolkata\"")).fingerprint());
        }
        assertThat(parse(with("\"zone\": \"UTC\"")).fingerprint())
                .isNotEqualTo(parse(with("\"zone\": \"Asia/Kolkata\"")).fingerprint());
    }

    @Test
    void anyPlanReadsBackFromItsCanonicalJson() {
        qt().withExamples(60)
                .forAll(
                        lists().of(integers().between(1, 4096)).ofSizeBetween(1, 5),
                        lists().of(integers().between(1, 512)).ofSizeBetween(1, 4),
                        integers().between(1, 100),
                        integers().between(0, 120_000))
                .checkAssert((prompts, gens, requests, coolMillis) -> {
                    List<Integer> p = prompts.stream().distinct().collect(Collectors.toList());
                    List<Integer> g = gens.stream().distinct().collect(Collectors.toList());
                    SweepPlan plan = parse("{\"models\": [{\"name\": \"m\", \"gguf\": \"/m.gguf\", \"tokenizer\":"
                            + " \"t\", \"contextTokens\": 8192}], \"promptLengths\": " + p + ", \"genLengths\": " + g
                            + ", \"requestsPerCell\": " + requests + ", \"cooldowns\": {\"betweenModelsSeconds\": "
                            + coolMillis / 1000.0 + "}}");
                    SweepPlan again = parse(plan.toJson());
                    assertThat(again).isEqualTo(plan);
                    assertThat(again.fingerprint()).isEqualTo(plan.fingerprint());
                    assertThat(plan.cells()).hasSize(p.size() * g.size());
                    assertThat(plan.cooldowns().betweenModels()).isEqualTo(Duration.ofMillis(coolMillis));
                });
    }

    @Test
    void valueTypesCheckTheirArguments() {
        Path gguf = Path.of("/m.gguf");
        assertThatThrownBy(() -> new ModelSpec("m", Path.of("m.gguf"), "t", "", 1, java.util.Optional.empty()))
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> new ModelSpec("m", gguf, "t", "", 0, java.util.Optional.empty()))
                .hasMessageContaining("contextTokens must be positive: 0");
        assertThatThrownBy(() -> new ModelSpec("a b", gguf, "t", "", 1, java.util.Optional.empty()))
                .hasMessageContaining("\"a b\"");
        assertThatThrownBy(() -> new ModelSpec("m", gguf, "a b", "", 1, java.util.Optional.empty()))
                .hasMessageContaining("tokenizer");
        assertThatThrownBy(() -> new ServerSettings("h", 0, 1)).hasMessageContaining("port must be in 1..65535: 0");
        assertThatThrownBy(() -> new ServerSettings("h", 1, -1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new Cooldowns(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("betweenCells must not be negative");
        assertThatThrownBy(() -> new Timeouts(Duration.ZERO, ONE, ONE, Duration.ZERO, ONE, ONE))
                .hasMessageContaining("serverStartup must be positive");
        assertThat(Timeouts.SEED.aiperfCellLimit(1, 20)).isEqualTo(Duration.ofSeconds(21 * 180 + 300));
        assertThat(new Timeouts(ONE, ONE, ONE, Duration.ofMinutes(7), ONE, ONE).aiperfCellLimit(1, 20))
                .isEqualTo(Duration.ofMinutes(7));
        assertThat(new CellKey("m", "25W", 128, 64).toString()).isEqualTo("25W/m/gen64/ctx128");
    }
}
