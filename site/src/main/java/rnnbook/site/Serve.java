package rnnbook.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the built site on the loopback interface only, for reading the book in a browser ({@code ./book serve})
 * and for the browser test. Static files only; a folder serves its {@code index.html}.
 */
public final class Serve implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("ipynb", "application/x-ipynb+json"),
            Map.entry("json", "application/json"),
            Map.entry("java", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("zip", "application/zip"));

    private final HttpServer server;
    private final Path root;

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
    public Serve(Path root, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("no site to serve at " + this.root + " (build it first: ./book serve)");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath(); // decodes %XX
            Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
            if (!file.startsWith(root)) {
                send(ex, 403, "text/plain", "outside the site\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (Files.isDirectory(file)) {
                if (!path.endsWith("/")) { // so relative links inside the folder resolve against it
                    ex.getResponseHeaders().set("Location", path + "/");
                    send(ex, 301, "text/plain", new byte[0]);
                    return;
                }
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file)) {
                send(ex, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** {@code Serve SITE_DIR [PORT]}: serves until interrupted (Ctrl-C). */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Serve SITE_DIR [PORT]");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 8000;
        Serve s;
        try {
            s = new Serve(Path.of(args[0]), port);
        } catch (java.net.BindException e) {
            System.err.println("port " + port + " on 127.0.0.1 is taken: choose another with ./book serve --port N");
            System.exit(1);
            return;
        }
        System.out.println("The book is at " + s.url() + "  (Ctrl-C stops the server)");
        Thread.currentThread().join();
    }
}
