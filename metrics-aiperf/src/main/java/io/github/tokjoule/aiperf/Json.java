package io.github.tokjoule.aiperf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.jspecify.annotations.Nullable;

/** The shared Jackson factory and helpers for paths and messages. */
final class Json {

    /**
     * Python's json module writes NaN and Infinity for undefined statistics; they are accepted here and then treated as
     * absent values (with a report). Fast double parsing keeps the JSON Lines readers at disk speed.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();

    private Json() {}

    /** {@return the JSON path of the parser's current position, e.g. {@code $.records.ttft.p50}} */
    static String path(JsonParser p) {
        JsonStreamContext ctx = p.getParsingContext();
        return ctx == null ? "$" : toDollar(ctx.pathAsPointer());
    }

    private static String toDollar(JsonPointer ptr) {
        StringBuilder sb = new StringBuilder("$");
        JsonPointer cur = ptr;
        while (cur != null && !cur.matches()) {
            int index = cur.getMatchingIndex();
            String prop = cur.getMatchingProperty();
            if (index >= 0 && prop.equals(Integer.toString(index))) {
                sb.append('[').append(index).append(']');
            } else {
                sb.append('.').append(prop);
            }
            cur = cur.tail();
        }
        return sb.toString();
    }

    /** {@return the location of a Jackson failure: its JSON path and, when known, line and column} */
    static String location(@Nullable JsonParser p, JsonProcessingException e) {
        String path = p == null ? "$" : path(p);
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 0) {
            return path;
        }
        return path + " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** {@return Jackson's message without its location suffix} */
    static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip();
    }

    /** {@return a description of a token and its value for messages} */
    static String describe(JsonParser p, @Nullable JsonToken t) throws java.io.IOException {
        if (t == null) {
            return "the end of the input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + JsonTree.abbreviate(p.getText()) + "\"";
            case VALUE_NULL -> "null";
            default -> JsonTree.abbreviate(p.getText());
        };
    }
}
