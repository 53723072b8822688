package io.github.tokjoule.jetson.driver.component;

import io.github.tokjoule.jetson.driver.internal.JsonTree;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's smoke test (docs/reference/seed-methodology.md §1.3 step 4): three non-streaming chat completions with about 32, 256 and
 * 512 prompt tokens and {@code max_tokens} 32; each must answer 200 with {@code choices[0].message}.
 */
final class SmokeTest {

    static final int[] PROMPT_SIZES = {32, 256, 512};
    private static final String SENTENCE = "The quick brown fox jumped over the lazy dog. ";

    private SmokeTest() {}

    static String body(String model, int size) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "user");
        message.put("content", SENTENCE.repeat(size / 8 + 1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(message));
        body.put("max_tokens", 32L);
        return JsonTree.write(body, false);
    }

    static List<String> describe(String baseUrl) {
        List<String> out = new java.util.ArrayList<>();
        for (int size : PROMPT_SIZES) {
            out.add("POST " + baseUrl + "/v1/chat/completions (smoke test, ~" + size
                    + " prompt tokens, max_tokens 32)");
        }
        return out;
    }

    static void run(Http http, String baseUrl, String model, Duration timeout)
            throws ServerFailureException, InterruptedException {
        for (int size : PROMPT_SIZES) {
            Http.Response response = http.post(baseUrl + "/v1/chat/completions", body(model, size), timeout);
            if (response.status() != 200 || !hasMessage(response.body())) {
                throw new ServerFailureException(
                        ServerFailureException.Kind.SMOKE_TEST,
                        "smoke test with ~" + size + " prompt tokens failed: HTTP " + response.status() + " "
                                + abbreviate(response.body()));
            }
        }
    }

    static boolean hasMessage(String body) {
        try {
            Object tree = JsonTree.parse(body);
            if (!(tree instanceof Map)) {
                return false;
            }
            Object choices = ((Map<?, ?>) tree).get("choices");
            if (!(choices instanceof List) || ((List<?>) choices).isEmpty()) {
                return false;
            }
            Object first = ((List<?>) choices).get(0);
            return first instanceof Map && ((Map<?, ?>) first).get("message") instanceof Map;
        } catch (JsonTree.SyntaxException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
