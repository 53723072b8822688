package io.github.tokjoule.live;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one flat JSON object of string and number members, the only shape {@link LiveLog} writes, into its members'
 * texts (strings unescaped). Anything else is an error: nested values, arrays, literals.
 */
final class JsonFlat {

    private JsonFlat() {}

    static Map<String, String> parse(String line) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int[] pos = {skip(line, 0)};
        expect(line, pos, '{');
        if (peek(line, pos) == '}') {
            return out;
        }
        while (true) {
            String key = string(line, pos);
            expect(line, pos, ':');
            String value = peek(line, pos) == '"' ? string(line, pos) : number(line, pos);
            out.put(key, value);
            char c = peek(line, pos);
            pos[0]++;
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new IOException("expected , or } at column " + pos[0]);
            }
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char peek(String s, int[] pos) throws IOException {
        pos[0] = skip(s, pos[0]);
        if (pos[0] >= s.length()) {
            throw new IOException("the JSON object ends early");
        }
        return s.charAt(pos[0]);
    }

    private static void expect(String s, int[] pos, char c) throws IOException {
        if (peek(s, pos) != c) {
            throw new IOException("expected " + c + " at column " + (pos[0] + 1));
        }
        pos[0]++;
    }

    private static String string(String s, int[] pos) throws IOException {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        for (int i = pos[0]; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                pos[0] = i + 1;
                return b.toString();
            }
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                if (e == 'u' && i + 4 < s.length()) {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                }
            } else {
                b.append(c);
            }
        }
        throw new IOException("a JSON string is not closed");
    }

    private static String number(String s, int[] pos) throws IOException {
        int start = pos[0];
        int i = start;
        while (i < s.length() && "+-.0123456789eEINaity".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i == start) {
            throw new IOException("expected a string or a number at column " + (start + 1));
        }
        pos[0] = i;
        return s.substring(start, i);
    }
}
