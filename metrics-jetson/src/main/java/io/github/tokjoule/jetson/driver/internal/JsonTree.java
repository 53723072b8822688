package io.github.tokjoule.jetson.driver.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON tree on jackson-core's streaming API: objects become {@link LinkedHashMap}s (key order kept),
 * arrays {@link ArrayList}s, numbers {@link Long} (integral values that fit) or {@link Double}, strings, booleans, and
 * JSON {@code null} the {@link #NULL} sentinel. Duplicate keys are an error, because a plan where the same key appears
 * twice is ambiguous.
 */
public final class JsonTree {

    /** The JSON {@code null} value. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private JsonTree() {}

    /** A syntax error with its location. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String jsonPath;

        SyntaxException(String jsonPath, String message) {
            super(message);
            this.jsonPath = jsonPath;
        }

        /**
         * Returns the JSON path where the error was found.
         *
         * @return the path, e.g. {@code $.models[1]}
         */
        public String jsonPath() {
            return jsonPath;
        }
    }

    /**
     * Parses one JSON document.
     *
     * @param text the JSON text
     * @return the tree
     * @throws SyntaxException on malformed JSON, a duplicate key or trailing content
     */
    public static Object parse(String text) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxException("$", "empty document");
            }
            Object value = read(parser, "$");
            if (parser.nextToken() != null) {
                throw new SyntaxException("$", "unexpected content after the document at " + where(parser));
            }
            return value;
        } catch (JsonParseException e) {
            throw new SyntaxException(
                    "$", "malformed JSON: " + e.getOriginalMessage() + " at " + where(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser parser, String path) throws IOException, SyntaxException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String child = path + "." + key;
                    if (map.containsKey(key)) {
                        throw new SyntaxException(child, "duplicate key \"" + key + "\" at " + where(parser));
                    }
                    parser.nextToken();
                    map.put(key, read(parser, child));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser, path + "[" + list.size() + "]"));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                BigInteger big = parser.getBigIntegerValue();
                return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal decimal = parser.getDecimalValue();
                if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                    try {
                        return decimal.longValueExact();
                    } catch (ArithmeticException e) {
                        return decimal.doubleValue();
                    }
                }
                return decimal.doubleValue();
            }
            case VALUE_TRUE -> {
                return true;
            }
            case VALUE_FALSE -> {
                return false;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new SyntaxException(path, "unexpected token " + token + " at " + where(parser));
        }
    }

    private static String where(JsonParser parser) {
        return where(parser.currentLocation());
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /**
     * Writes a tree (maps, lists, strings, numbers, booleans, {@link #NULL}) as JSON.
     *
     * @param value the tree
     * @param pretty whether to indent
     * @return the JSON text
     */
    public static String write(Object value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List) {
            generator.writeStartArray();
            for (Object item : (List<?>) value) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Long || value instanceof Integer) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value == NULL) {
            generator.writeNull();
        } else {
            generator.writeString(String.valueOf(value));
        }
    }

    /**
     * Describes a tree value for an error message: strings quoted, containers by kind.
     *
     * @param value the value
     * @return a short description
     */
    public static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }
}
