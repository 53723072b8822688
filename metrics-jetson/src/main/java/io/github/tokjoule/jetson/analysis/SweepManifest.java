package io.github.tokjoule.jetson.analysis;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.github.tokjoule.jetson.PowerMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run manifest of a sweep in the tokjoule layout, {@code <run>/manifest.json}: written by the synthetic generator
 * and the driver, read by the analysis.
 *
 * <pre>
 * {
 *   "format": "tokjoule-sweep",
 *   "format_version": 1,
 *   "created_by": "tokjoule-synthetic 0.1.0",
 *   "zone": "Asia/Kolkata",
 *   "backend": "llama.cpp",
 *   "modes": [ { "id": 3, "label": "7W" }, … ],
 *   "models": [ "smollm2-135m", … ],
 *   "prompt_lengths": [ 128, 512, 1024, 2048 ],
 *   "gen_lengths": [ 64, 128, 256 ],
 *   "requests_per_cell": 20,
 *   "concurrency": 1,
 *   "tegrastats_interval_ms": 500,
 *   "method_notes": "…"
 * }
 * </pre>
 *
 * <p>Reading is tolerant: keys are matched ignoring case, {@code _} and {@code -} ({@code formatVersion} and
 * {@code format_version} are the same key), unknown keys are ignored, and every key but the grid's is optional
 * ({@link #zone()} is then empty, numbers 0, strings empty). The grid ({@code modes}, {@code models},
 * {@code prompt_lengths}, {@code gen_lengths}) is required: it is what tells the analysis which cells a run planned,
 * so a missed cell is reported, not silently absent; every manifest the generator and the driver have written has
 * it. A wrong type, an invalid zone id, or a missing, empty or duplicated grid axis is a {@link SweepFormatException}
 * naming the file and the key.
 *
 * @param formatVersion the layout version (1)
 * @param createdBy the writer, e.g. {@code tokjoule-synthetic 0.1.0} or {@code tokjoule-driver 0.1.0}
 * @param zone the device's time zone: tegrastats stamps and aiperf start/end times are naive local times in it
 * @param backend the inference backend, e.g. {@code llama.cpp}
 * @param grid the planned cells: models, modes (their labels name the mode directories), prompt lengths
 *     ({@code ctx}) and generation lengths ({@code gen}); since 0.2.0 one {@link SweepGrid} in place of four lists
 * @param requestsPerCell aiperf's request count per cell
 * @param concurrency aiperf's concurrency
 * @param tegrastatsIntervalMillis the tegrastats {@code --interval} in ms
 * @param methodNotes free text on how the sweep was run
 * @since 0.1.0
 */
public record SweepManifest(
        int formatVersion,
        String createdBy,
        Optional<ZoneId> zone,
        String backend,
        SweepGrid grid,
        int requestsPerCell,
        int concurrency,
        int tegrastatsIntervalMillis,
        String methodNotes) {

    /** The manifest's file name in a run directory. */
    public static final String FILE_NAME = "manifest.json";

    /** The current layout version. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * Writes the manifest as pretty-printed JSON.
     *
     * @param file the file to write (usually {@code <run>/manifest.json})
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("")));
            g.writeStartObject();
            g.writeStringField("format", "tokjoule-sweep");
            g.writeNumberField("format_version", formatVersion);
            g.writeStringField("created_by", createdBy);
            if (zone.isPresent()) {
                g.writeStringField("zone", zone.get().getId());
            }
            g.writeStringField("backend", backend);
            g.writeArrayFieldStart("modes");
            for (PowerMode m : grid.modes()) {
                g.writeStartObject();
                g.writeNumberField("id", m.id());
                g.writeStringField("label", m.label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("models");
            for (String m : grid.models()) {
                g.writeString(m);
            }
            g.writeEndArray();
            writeInts(g, "prompt_lengths", grid.promptLengths());
            writeInts(g, "gen_lengths", grid.genLengths());
            g.writeNumberField("requests_per_cell", requestsPerCell);
            g.writeNumberField("concurrency", concurrency);
            g.writeNumberField("tegrastats_interval_ms", tegrastatsIntervalMillis);
            g.writeStringField("method_notes", methodNotes);
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeInts(JsonGenerator g, String name, List<Integer> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (int v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /**
     * Reads a manifest.
     *
     * @param file the manifest file
     * @return the manifest
     * @throws SweepFormatException if the file is not JSON, a key has the wrong type, a zone id is invalid, or a
     *     grid axis ({@code modes}, {@code models}, {@code prompt_lengths}, {@code gen_lengths}) is missing, empty or
     *     holds a duplicate; the message names the file and the key
     * @throws IOException if the file cannot be read
     */
    public static SweepManifest read(Path file) throws IOException {
        int formatVersion = 0;
        String createdBy = "";
        Optional<ZoneId> zone = Optional.empty();
        String backend = "";
        List<PowerMode> modes = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<Integer> prompts = new ArrayList<>();
        List<Integer> gens = new ArrayList<>();
        int requests = 0;
        int concurrency = 0;
        int interval = 0;
        String notes = "";
        try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SweepFormatException(file, "a manifest must be a JSON object", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (normalise(key)) {
                    case "formatversion" -> formatVersion = intValue(file, key, p);
                    case "createdby" -> createdBy = stringValue(file, key, p);
                    case "zone" -> zone = Optional.of(zoneValue(file, key, p));
                    case "backend" -> backend = stringValue(file, key, p);
                    case "modes" -> modes = modesValue(file, key, p);
                    case "models" -> models = modelNames(file, key, p);
                    case "promptlengths" -> prompts = intList(file, key, p);
                    case "genlengths" -> gens = intList(file, key, p);
                    case "requestspercell" -> requests = intValue(file, key, p);
                    case "concurrency" -> concurrency = intValue(file, key, p);
                    case "tegrastatsintervalms", "tegrastatsintervalmillis" -> interval = intValue(file, key, p);
                    case "methodnotes" -> notes = stringValue(file, key, p);
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new SweepFormatException(
                    file, "not valid JSON at " + e.getLocation() + ": " + e.getOriginalMessage(), e);
        }
        required(file, "modes", modes);
        required(file, "models", models);
        required(file, "prompt_lengths", prompts);
        required(file, "gen_lengths", gens);
        SweepGrid grid;
        try {
            grid = SweepGrid.of(models, modes, prompts, gens);
        } catch (IllegalArgumentException e) {
            throw new SweepFormatException(file, String.valueOf(e.getMessage()), e);
        }
        return new SweepManifest(formatVersion, createdBy, zone, backend, grid, requests, concurrency, interval, notes);
    }

    private static void required(Path file, String key, List<?> axis) throws SweepFormatException {
        if (axis.isEmpty()) {
            throw new SweepFormatException(
                    file,
                    "key \"" + key + "\" is missing or empty: a manifest declares its sweep grid (modes, models,"
                            + " prompt_lengths, gen_lengths), as every manifest tokjoule writes does",
                    null);
        }
    }

    private static String normalise(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String stringValue(Path file, String key, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType(file, key, "a string", p);
        }
        return p.getText();
    }

    private static int intValue(Path file, String key, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(file, key, "an integer", p);
        }
        return p.getIntValue();
    }

    private static ZoneId zoneValue(Path file, String key, JsonParser p) throws IOException {
        String id = stringValue(file, key, p);
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new SweepFormatException(file, "key \"" + key + "\": not a time-zone id: \"" + id + "\"", e);
        }
    }

    /** Model names: strings, or objects whose {@code name} is the model name (the driver writes those). */
    private static List<String> modelNames(Path file, String key, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType(file, key, "an array of model names or {name, ...} objects", p);
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = key + "[" + out.size() + "]";
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String name = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (normalise(field).equals("name")) {
                        name = stringValue(file, at + "." + field, p);
                    } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                }
                if (name == null) {
                    throw new SweepFormatException(file, "key \"" + at + "\" has no \"name\"", null);
                }
                out.add(name);
            } else {
                out.add(stringValue(file, at, p));
            }
        }
        return out;
    }

    private static List<Integer> intList(Path file, String key, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType(file, key, "an array of integers", p);
        }
        List<Integer> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(intValue(file, key + "[" + out.size() + "]", p));
        }
        return out;
    }

    private static List<PowerMode> modesValue(Path file, String key, JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType(file, key, "an array of {id, label} objects", p);
        }
        List<PowerMode> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = key + "[" + out.size() + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw wrongType(file, at, "an {id, label} object", p);
            }
            int id = -1;
            String label = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (normalise(field)) {
                    case "id" -> id = intValue(file, at + "." + field, p);
                    case "label" -> label = stringValue(file, at + "." + field, p);
                    default -> {
                        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                            p.skipChildren();
                        }
                    }
                }
            }
            try {
                out.add(PowerMode.of(id, label));
            } catch (IllegalArgumentException e) {
                throw new SweepFormatException(file, "key \"" + at + "\": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static SweepFormatException wrongType(Path file, String key, String expected, JsonParser p)
            throws IOException {
        return new SweepFormatException(
                file,
                "key \"" + key + "\" must be " + expected + ", found " + p.currentToken() + " "
                        + (p.currentToken() != null && p.currentToken().isScalarValue() ? p.getText() : ""),
                null);
    }
}
