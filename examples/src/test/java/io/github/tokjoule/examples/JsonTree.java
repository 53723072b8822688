package io.github.tokjoule.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON document for the tests (jackson-core only): maps, lists, longs, doubles, strings, "null". */
final class JsonTree {

    private final Object root;

    private JsonTree(Object root) {
        this.root = root;
    }

    static JsonTree parse(String json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            return new JsonTree(tree(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@return the root: a map, a list or a value} */
    Object root() {
        return root;
    }

    /** {@return the value at a path of keys (maps) and indices (lists), or null where there is none} */
    Object at(Object... path) {
        Object node = root;
        for (Object key : path) {
            if (node instanceof Map<?, ?> m) {
                node = m.get(key);
            } else if (node instanceof List<?> l && key instanceof Integer i) {
                node = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    /** {@return the number at a path, as a double} */
    double number(Object... path) {
        return ((Number) at(path)).doubleValue();
    }

    static Object tree(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, tree(p));
                }
                yield m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(tree(p));
                }
                yield l;
            }
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> "null";
            default -> p.getValueAsBoolean();
        };
    }
}
