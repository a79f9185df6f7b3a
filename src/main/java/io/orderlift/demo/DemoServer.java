package io.orderlift.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderlift.common.PlainJson;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;

/**
 * {@code orderlift demo}: a small shop on localhost built from a rule set's products. The page
 * (resources {@code io/orderlift/demo/site}) evaluates the rule set in the browser with the
 * JavaScript storefront package ({@code orderlift-storefront}, served as {@code /storefront/index.js}),
 * never with the Java evaluator; the server only serves files and records orders, impressions and
 * acceptances ({@link DemoRecorder}).
 *
 * <p>Routes: {@code GET /} the shop, {@code GET /ruleset.json} the rule set as published,
 * {@code GET /baseline.json} the baseline rule set (404 without one),
 * {@code POST /api/orders} ({@code {"items":[{"sku","quantity"}]}} → {@code {orderId, arm, value}}),
 * {@code POST /api/impressions} ({@code {"id","placement","sku","orderId"?}}),
 * {@code POST /api/accept} ({@code {"impressionId"}} → {@code {counted, orderValue}}).
 */
public final class DemoServer implements AutoCloseable {

    private static final String SITE = "/io/orderlift/demo/site/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8");

    private final HttpServer server;
    private final byte[] ruleSet;
    private final byte[] baseline;
    private final DemoRecorder recorder;

    private DemoServer(HttpServer server, byte[] ruleSet, byte[] baseline, DemoRecorder recorder) {
        this.server = server;
        this.ruleSet = ruleSet;
        this.baseline = baseline;
        this.recorder = recorder;
    }

    /**
     * Checks the rule set (schema, content hash, conformance) and starts serving it on
     * {@code 127.0.0.1:port} (0: any free port). With a {@code baselineFile} (null: none), a rule set of the
     * same store and catalog, the orders outside the control arm are split evenly between the rule set's
     * offers ({@code treatment}) and the baseline's ({@code popularity}). Each file is read once: what is
     * served is what was checked.
     */
    public static DemoServer start(Path ruleSetFile, Path baselineFile, int port, Path recordings, double controlShare,
                                   long seed) throws IOException {
        byte[] ruleSet = RuleSetJson.bytesOf(ruleSetFile);
        RuleSet rules = RuleSetJson.read(ruleSet, ruleSetFile.getFileName().toString());
        Map<String, Double> prices = new HashMap<>();
        for (RuleSet.Product p : rules.products()) {
            if (p.price() != null) {
                prices.put(p.sku(), p.price());
            }
        }
        byte[] baseline = baselineFile == null ? null : RuleSetJson.bytesOf(baselineFile);
        if (baseline != null) {
            sameCatalog(RuleSetJson.read(baseline, baselineFile.getFileName().toString()), baselineFile, prices);
        }
        DemoRecorder recorder = new DemoRecorder(recordings, prices, controlShare, seed, baselineFile != null);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        DemoServer demo = new DemoServer(http, ruleSet, baseline, recorder);
        http.createContext("/", demo::handle);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-http");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return demo;
    }

    /** Refuses a baseline that offers a product at another price than the rule set, or one it does not know. */
    private static void sameCatalog(RuleSet baseline, Path file, Map<String, Double> prices) {
        for (RuleSet.Product p : baseline.products()) {
            if (p.price() != null && !p.price().equals(prices.get(p.sku()))) {
                throw new IllegalArgumentException("The baseline " + file.getFileName() + " prices " + p.sku() + " at "
                        + p.price() + ", the rule set " + (prices.containsKey(p.sku()) ? "at " + prices.get(p.sku())
                        : "not at all") + ": publish both from the same store (publish --popularity for the baseline).");
            }
        }
    }

    /** The address to open in a browser. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/";
    }

    public DemoRecorder recorder() {
        return recorder;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                if (method.equals("POST") && path.startsWith("/api/")) {
                    ObjectMapper json = PlainJson.mapper();
                    JsonNode body = json.readTree(exchange.getRequestBody());
                    send(exchange, 200, "json",
                            json.writeValueAsBytes(api(path, body == null ? json.nullNode() : body)));
                } else if (method.equals("GET") || method.equals("HEAD")) {
                    serve(exchange, path);
                } else {
                    send(exchange, 405, "json", error("method " + method + " is not allowed here"));
                }
            } catch (IllegalArgumentException | JsonProcessingException e) {
                send(exchange, 400, "json", error(e.getMessage()));
            }
        }
    }

    private Object api(String path, JsonNode body) {
        return switch (path) {
            case "/api/orders" -> {
                List<DemoRecorder.Line> lines = new ArrayList<>();
                for (JsonNode item : body.path("items")) {
                    lines.add(new DemoRecorder.Line(item.path("sku").asText(null), item.path("quantity").asInt(0)));
                }
                yield recorder.place(lines);
            }
            case "/api/impressions" -> {
                recorder.impression(new DemoRecorder.Impression(body.path("id").asText(null),
                        body.path("placement").asText(""), body.path("sku").asText(null),
                        body.hasNonNull("orderId") ? body.get("orderId").asText() : null));
                yield Map.of("recorded", true);
            }
            case "/api/accept" -> recorder.accept(body.path("impressionId").asText(null));
            default -> throw new IllegalArgumentException("unknown request " + path);
        };
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/ruleset.json")) {
            send(exchange, 200, "json", ruleSet);
            return;
        }
        if (path.equals("/baseline.json")) {
            if (baseline == null) {
                send(exchange, 404, "json", error("no baseline rule set (demo --baseline FILE)"));
            } else {
                send(exchange, 200, "json", baseline);
            }
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!name.matches("[a-z]+(/[a-z]+)?\\.(html|js|css)")) {
            send(exchange, 404, "json", error("no page " + path));
            return;
        }
        try (InputStream in = DemoServer.class.getResourceAsStream(SITE + name)) {
            if (in == null) {
                send(exchange, 404, "json", error("no page " + path));
                return;
            }
            send(exchange, 200, name.substring(name.lastIndexOf('.') + 1), in.readAllBytes());
        }
    }

    private static byte[] error(String message) {
        try {
            return PlainJson.mapper().writeValueAsBytes(Map.of("error", message == null ? "bad request" : message));
        } catch (JsonProcessingException e) {
            return "{\"error\":\"bad request\"}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", TYPES.get(type));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
