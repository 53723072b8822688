package io.github.tokjoule.jetson.driver.component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP calls the servers need: a status probe and a JSON POST. Connection errors are a status of -1. */
final class Http {

    /** A response: status (-1 when no connection) and body (or the error). */
    record Response(int status, String body) {}

    private final HttpClient client;

    Http(HttpClient client) {
        this.client = client;
    }

    static Http create() {
        return new Http(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    Response get(String url, Duration timeout) throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        return send(request);
    }

    Response post(String url, String json, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    private Response send(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
