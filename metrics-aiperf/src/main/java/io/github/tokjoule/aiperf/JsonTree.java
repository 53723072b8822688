package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON tree for small, loosely structured parts of a summary ({@code input_config}, {@code run_info}):
 * objects as {@link LinkedHashMap}, arrays as {@link ArrayList}, strings, {@link Long} or {@link Double} numbers and
 * {@link Boolean}s. JSON {@code null} is absent: object members with a null value are left out, null array elements
 * are skipped.
 */
final class JsonTree {

    private JsonTree() {}

    /** Reads the value at the parser's current token; returns null for JSON null. */
    static @Nullable Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> integer(p);
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
            default -> null; // VALUE_NULL, VALUE_EMBEDDED_OBJECT
        };
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Object v = read(p);
            if (v != null) {
                m.put(name, v);
            }
        }
        return m;
    }

    private static List<Object> array(JsonParser p) throws IOException {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Object v = read(p);
            if (v != null) {
                l.add(v);
            }
        }
        return l;
    }

    /** A long, or a double beyond a long's range (kept approximately; never a count this library uses). */
    private static Number integer(JsonParser p) throws IOException {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return p.getDoubleValue();
        }
        return p.getLongValue();
    }

    /**
     * Follows a dotted path with optional indices ({@code "endpoint.model_names[0]"}) from a node.
     *
     * @return the node at the path, or null if any step is missing or of another kind
     */
    static @Nullable Object at(@Nullable Object node, String path) {
        Object cur = node;
        for (String step : path.split("\\.", -1)) {
            int bracket = step.indexOf('[');
            String key = bracket < 0 ? step : step.substring(0, bracket);
            if (!key.isEmpty()) {
                cur = member(cur, key);
            }
            while (cur != null && bracket >= 0) {
                int close = step.indexOf(']', bracket);
                int index = Integer.parseInt(step.substring(bracket + 1, close));
                cur = cur instanceof List<?> l && index < l.size() ? l.get(index) : null;
                bracket = step.indexOf('[', close);
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** {@return the member of an object node, or null if the node is not an object or lacks it} */
    static @Nullable Object member(@Nullable Object node, String key) {
        return node instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /** {@return a short description of a node for messages: its JSON kind and, for scalars, the value} */
    static String describe(Object node) {
        if (node instanceof Map<?, ?>) {
            return "an object";
        }
        if (node instanceof List<?>) {
            return "an array";
        }
        if (node instanceof String s) {
            return "the string \"" + abbreviate(s) + "\"";
        }
        return String.valueOf(node);
    }

    /** {@return the text cut to 60 characters with an ellipsis} */
    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
