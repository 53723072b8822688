package io.github.tokjoule.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scalar leaves of a JSON object by dotted path, e.g. {@code memory.MemTotalKilobytes} or {@code models.1.name}
 * (array elements by index); {@code null} values are left out. For reading the few facts a report takes from the
 * driver's audits and plan and from aiperf exports without a data-binding library.
 */
final class JsonLeaves {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLeaves() {}

    /**
     * Reads a file.
     *
     * @param file the JSON file
     * @return its leaves; empty if the file is missing, unreadable, not an object or not JSON
     */
    static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (InputStream in = Files.newInputStream(file);
                JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                object(p, "", out);
            }
        } catch (IOException e) {
            out.clear();
        }
        return out;
    }

    /**
     * Parses a JSON text.
     *
     * @param json the text
     * @return its leaves
     * @throws IOException if it is not JSON
     */
    static Map<String, String> parse(String json) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                object(p, "", out);
            }
        }
        return out;
    }

    private static void object(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix + p.currentName();
            value(p, p.nextToken(), key, out);
        }
    }

    private static void value(JsonParser p, @Nullable JsonToken v, String key, Map<String, String> out)
            throws IOException {
        if (v == JsonToken.START_OBJECT) {
            object(p, key + ".", out);
        } else if (v == JsonToken.START_ARRAY) {
            int i = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY && t != null; t = p.nextToken()) {
                value(p, t, key + "." + i++, out);
            }
        } else if (v != null && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
            out.put(key, p.getText());
        }
    }
}
