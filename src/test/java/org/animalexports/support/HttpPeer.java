package org.animalexports.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server (the JDK's) on 127.0.0.1 standing in for an API partner. It records every request it
 * received, answers scripted responses first, then those of its default responder.
 */
public final class HttpPeer implements AutoCloseable {

    /** A request as the partner received it. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, Instant at) {

        /** The body as JSON; an AssertionError when it is not. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return method + " " + path + " " + body;
        }
    }

    /** A response to send. */
    public record Response(int status, Map<String, String> headers, String body) {

        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Response> scripted = new ArrayDeque<>();
    private volatile Function<Request, Response> responder = r -> Response.json(200, "{}");
    private volatile long roundTripMillis;

    private final boolean keepRequests;

    public HttpPeer() {
        this(true, 4);
    }

    /** @param keepRequests false for load: the responder still sees every request, nothing is kept */
    public HttpPeer(boolean keepRequests, int threads) {
        this.keepRequests = keepRequests;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        Request request = new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now());
        Response response;
        synchronized (this) {
            if (keepRequests) {
                requests.add(request);
            }
            response = scripted.isEmpty() ? null : scripted.poll();
        }
        if (response == null) {
            response = responder.apply(request);
        }
        RoundTrip.pause(roundTripMillis);
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests get these responses, in order. */
    public synchronized void enqueue(Response... responses) {
        scripted.addAll(List.of(responses));
    }

    /** Each answer waits this long, as if the partner were a round trip away (0, the default: loopback). */
    public void replyAfter(Duration roundTrip) {
        this.roundTripMillis = roundTrip.toMillis();
    }

    public void respondWith(Function<Request, Response> responder) {
        this.responder = responder;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized void reset() {
        requests.clear();
        scripted.clear();
        responder = r -> Response.json(200, "{}");
    }

    /** Waits until the partner has received at least n requests, or the time is up; returns them. */
    public List<Request> awaitRequests(int n, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (requests().size() < n && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        return requests();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
