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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the built site on the loopback interface only, for reading the book in a browser ({@code ./book serve})
 * and for the browser test. Static files only; a folder serves its {@code index.html}.
 *
 * <p>Text (HTML, CSS, JavaScript, SVG, JSON) is sent gzip-compressed to a client that accepts it. Every file carries
 * a validator: an ETag (its size and modification time) and Last-Modified, and a request that names the version it
 * has ({@code If-None-Match}, or {@code If-Modified-Since}) gets {@code 304 Not Modified} without the body. Pages ask
 * the browser to check again each time ({@code no-cache}: a rebuilt site shows at once, and a check costs one small
 * 304); fonts, KaTeX and lunr never change for a given build of the book, and are kept for a day.
 */
public final class Serve implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("ipynb", "application/x-ipynb+json"),
            Map.entry("json", "application/json"),
            Map.entry("java", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("zip", "application/zip"));

    /**
     * What the server shows at a moment: a folder, and a notice (HTML) put at the top of every page, or null for
     * none. {@link ServeWhileBuilding} switches from a preview with a notice to the finished site.
     */
    record Showing(Path root, String notice) {
        Showing {
            root = root.toAbsolutePath().normalize();
        }
    }

    private final HttpServer server;
    private final Supplier<Showing> showing;

    /** Starts serving {@code root} on 127.0.0.1:{@code port} (0 picks a free port). */
    public Serve(Path root, int port) throws IOException {
        this(constant(root), port);
    }

    /** Starts serving whatever {@code showing} names at each request. */
    Serve(Supplier<Showing> showing, int port) throws IOException {
        this.showing = showing;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    private static Supplier<Showing> constant(Path root) {
        Showing fixed = new Showing(root, null);
        if (!Files.isDirectory(fixed.root())) {
            throw new IllegalArgumentException("no site to serve at " + fixed.root() + " (build it first: ./book serve)");
        }
        return () -> fixed;
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
            Showing now = showing.get();
            Path root = now.root();
            if (path.equals(STATUS_PATH)) { // what a preview page polls to reload itself when the book is ready
                send(ex, 200, "text/plain; charset=utf-8",
                        (now.notice() == null ? "ready\n" : "building\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
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
            sendFile(ex, file, ext, path, ext.equals("html") ? now.notice() : null);
        }
    }

    /** The path a page with a notice polls; {@code ready} once the server shows the finished site. */
    static final String STATUS_PATH = "/.build-status";

    private static final Pattern BODY = Pattern.compile("<body[^>]*>");

    /** The page with {@code notice} placed right after its opening body tag (or first, without one). */
    static byte[] withNotice(byte[] page, String notice) {
        String html = new String(page, StandardCharsets.UTF_8);
        Matcher body = BODY.matcher(html);
        int at = body.find() ? body.end() : 0;
        return (html.substring(0, at) + notice + html.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 9110's IMF-fixdate: two-digit day, English names, GMT. */
    private static final java.time.format.DateTimeFormatter HTTP_DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static final java.util.Set<String> COMPRESSIBLE = java.util.Set.of("html", "css", "js", "svg", "json",
            "ipynb", "java", "txt");

    private void sendFile(HttpExchange ex, Path file, String ext, String path, String notice) throws IOException {
        long modified = Files.getLastModifiedTime(file).toMillis() / 1000 * 1000; // HTTP dates have whole seconds
        String etag = "\"" + Long.toHexString(Files.size(file)) + "-" + Long.toHexString(modified)
                // a page with a notice is another representation; a changed notice, another again
                + (notice == null ? "" : "-n" + Integer.toHexString(notice.hashCode())) + "\"";
        boolean gzip = COMPRESSIBLE.contains(ext) && acceptsGzip(ex.getRequestHeaders().getFirst("Accept-Encoding"));
        if (gzip) { // a compressed body is a different representation: its own validator
            etag = etag.substring(0, etag.length() - 1) + "-gz\"";
        }
        var headers = ex.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Last-Modified", HTTP_DATE.format(java.time.Instant.ofEpochMilli(modified).atZone(java.time.ZoneOffset.UTC)));
        headers.set("Cache-Control", cacheControl(path));
        if (COMPRESSIBLE.contains(ext)) {
            headers.set("Vary", "Accept-Encoding");
        }
        if (notModified(ex, etag, modified)) {
            headers.set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            ex.sendResponseHeaders(304, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        if (notice != null) {
            body = withNotice(body, notice);
        }
        if (gzip) {
            var buffer = new java.io.ByteArrayOutputStream(body.length / 3 + 64);
            try (var z = new java.util.zip.GZIPOutputStream(buffer)) {
                z.write(body);
            }
            body = buffer.toByteArray();
            headers.set("Content-Encoding", "gzip");
        }
        send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
    }

    /** Files that never change within one version of the book (KaTeX, its fonts, lunr) may be kept a day. */
    static String cacheControl(String path) {
        boolean library = path.startsWith("/katex/") || path.equals("/assets/lunr.min.js");
        return library ? "public, max-age=86400" : "no-cache";
    }

    /** True when the request's validators match: If-None-Match wins over If-Modified-Since (RFC 9110). */
    private static boolean notModified(HttpExchange ex, String etag, long modified) {
        String inm = ex.getRequestHeaders().getFirst("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.strip().replaceFirst("^W/", "");
                if (t.equals("*") || t.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
        if (ims != null) {
            try {
                long since = java.time.ZonedDateTime.parse(ims.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant().toEpochMilli();
                return modified <= since;
            } catch (java.time.format.DateTimeParseException e) {
                return false; // a date we cannot read is ignored, as the standard says
            }
        }
        return false;
    }

    /** Whether an Accept-Encoding header allows gzip (a q=0 refuses it). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equals("gzip") || p[0].strip().equals("*")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].strip();
                    if (q.startsWith("q=") && q.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (!ex.getResponseHeaders().containsKey("Cache-Control")) {
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
        }
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

    /** What opens a server on a port; it may find the port taken. */
    interface Opener<T> {
        T open() throws IOException;
    }

    /** Opens a server with {@code opener}; a taken port ends the program with a message saying what to do. */
    static <T> T onFreePort(int port, Opener<T> opener) throws IOException {
        try {
            return opener.open();
        } catch (java.net.BindException e) {
            System.err.println("port " + port + " on 127.0.0.1 is taken: choose another with ./book serve --port N");
            System.exit(1);
            throw new AssertionError("unreachable");
        }
    }

    /** {@code Serve SITE_DIR [PORT]}: serves until interrupted (Ctrl-C). */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Serve SITE_DIR [PORT]");
            System.exit(2);
        }
        int port = args.length == 2 ? Integer.parseInt(args[1]) : 8000;
        Serve s = onFreePort(port, () -> new Serve(Path.of(args[0]), port));
        System.out.println("The book is at " + s.url() + "  (Ctrl-C stops the server)");
        Thread.currentThread().join();
    }
}
