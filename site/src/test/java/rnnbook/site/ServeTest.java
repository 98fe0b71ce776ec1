package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The book's server through a real HTTP client: compression, validators and 304, caching, and its refusals. */
@Timeout(30)
class ServeTest {
    @TempDir
    Path site;
    private Serve server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String page = "<!DOCTYPE html><title>x</title>" + "<p>the recurrent cell</p>\n".repeat(200);

    @BeforeEach
    void start() throws IOException {
        Files.writeString(site.resolve("index.html"), page);
        Files.createDirectories(site.resolve("katex/fonts"));
        Files.write(site.resolve("katex/fonts/KaTeX_Main-Regular.woff2"), new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(site.resolve("index.html"), FileTime.from(Instant.parse("2026-01-02T03:04:05.678Z")));
        server = new Serve(site, 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void compressesTextForClientsThatAcceptGzip() throws Exception {
        HttpResponse<byte[]> zipped = get("index.html", "Accept-Encoding", "br, gzip;q=0.8");
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(zipped.body().length < page.length() / 5, "200 equal lines compress well: " + zipped.body().length);
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertEquals(page, new String(unzipped, StandardCharsets.UTF_8));

        HttpResponse<byte[]> plain = get("index.html");
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), "no Accept-Encoding, no gzip");
        assertEquals(page, new String(plain.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> refused = get("index.html", "Accept-Encoding", "gzip;q=0");
        assertFalse(refused.headers().firstValue("Content-Encoding").isPresent(), "q=0 refuses gzip");
        // a font is already compressed
        HttpResponse<byte[]> font = get("katex/fonts/KaTeX_Main-Regular.woff2", "Accept-Encoding", "gzip");
        assertFalse(font.headers().firstValue("Content-Encoding").isPresent());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, font.body());
    }

    @Test
    void answersAMatchingValidatorWith304() throws Exception {
        HttpResponse<byte[]> first = get("index.html");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("Fri, 02 Jan 2026 03:04:05 GMT", first.headers().firstValue("Last-Modified").orElseThrow());
        assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<byte[]> again = get("index.html", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(304, get("index.html", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:05 GMT").statusCode());
        assertEquals(200, get("index.html", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:04 GMT").statusCode());
        assertEquals(200, get("index.html", "If-Modified-Since", "not a date").statusCode());
        // If-None-Match wins over If-Modified-Since
        assertEquals(200, get("index.html", "If-None-Match", "\"other\"",
                "If-Modified-Since", "Fri, 02 Jan 2026 03:04:05 GMT").statusCode());
        // the gzip body is another representation with its own tag
        String zippedTag = get("index.html", "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();
        assertFalse(zippedTag.equals(etag));
        assertEquals(304, get("index.html", "Accept-Encoding", "gzip", "If-None-Match", zippedTag).statusCode());

        // a rebuilt file is a new version: the old tag no longer matches
        Files.writeString(site.resolve("index.html"), page + "<p>more</p>");
        assertEquals(200, get("index.html", "If-None-Match", etag).statusCode());
    }

    @Test
    void keepsLibrariesForADayAndPagesFresh() throws Exception {
        assertEquals("public, max-age=86400", get("katex/fonts/KaTeX_Main-Regular.woff2")
                .headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-cache", get("").headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void refusesWhatIsNotThere() throws Exception {
        assertEquals(404, get("missing.html").statusCode());
        assertEquals(403, get("..%2F..%2Fetc%2Fpasswd").statusCode());
        HttpResponse<byte[]> post = client.send(HttpRequest.newBuilder(URI.create(server.url() + "index.html"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, post.statusCode());
    }
}
