package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./book serve} on a cold machine: a preview with a notice at once, the finished site the moment the
 * background build succeeds, and a preview that says so when it fails. The build is a shell stand-in held at a
 * named pipe, so the test decides when it ends instead of waiting for it.
 */
@Timeout(30)
class ServeWhileBuildingTest {
    @TempDir
    Path dir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String get(ServeWhileBuilding s, String path) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(s.server().url() + path.substring(1))).timeout(Duration.ofSeconds(10)).build();
        return client.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    private Path preview() throws IOException {
        Path p = Files.createDirectories(dir.resolve("site-ci"));
        Files.writeString(p.resolve("index.html"), "<html><body class=\"page\"><p>quick figures</p></body></html>");
        return p;
    }

    private Path gate() throws Exception {
        Path fifo = dir.resolve("gate");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        return fifo;
    }

    private static List<String> sh(String script) {
        return List.of("sh", "-c", script);
    }

    @Test
    void showsThePreviewWithANoticeThenTheFinishedSite() throws Exception {
        Path gate = gate();
        Path full = dir.resolve("site-full");
        String build = "read x < '" + gate + "'; mkdir -p '" + full + "'; echo '<body>full-scale figures</body>' > '"
                + full + "/index.html'; : > '" + full + "/.built-full'";
        try (var s = new ServeWhileBuilding(preview(), full, ".built-full", 0, dir.resolve("log"), sh(build))) {
            String page = get(s, "/");
            assertTrue(page.contains("quick figures"), page);
            assertTrue(page.indexOf("id=\"build-notice\"") > page.indexOf("<body class=\"page\">"),
                    "the notice comes right after the body tag: " + page);
            assertTrue(page.contains("Preview at CI scale"), "the notice says what the preview is: " + page);
            assertEquals("building", get(s, Serve.STATUS_PATH).strip());

            Files.writeString(gate, "go\n"); // lets the stand-in build finish
            assertEquals(0, s.awaitBuild());
            String done = get(s, "/");
            assertTrue(done.contains("full-scale figures"), done);
            assertFalse(done.contains("build-notice"), "the finished site has no notice: " + done);
            assertEquals("ready", get(s, Serve.STATUS_PATH).strip());
        }
    }

    @Test
    void aFailedBuildKeepsThePreviewAndNamesTheLog() throws Exception {
        Path log = dir.resolve("logs/full.log");
        try (var s = new ServeWhileBuilding(preview(), dir.resolve("site-full"), ".built-full", 0, log,
                sh("echo 'chapter 12 ran out of memory'; exit 3"))) {
            assertEquals(3, s.awaitBuild());
            String page = get(s, "/");
            assertTrue(page.contains("quick figures"), page);
            assertTrue(page.contains("failed (exit 3)") && page.contains(log.toString()), page);
            assertFalse(page.contains("setInterval"), "a failed build no longer asks the page to reload: " + page);
            assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("ran out of memory"));
        }
    }

    /**
     * As {@code ./book serve} starts it: its own JVM with the site module's classes and nothing else (no jsoup, no
     * AsciidoctorJ), the failure path included. Before, the failure notice called jsoup, and after a failed build
     * every request got an empty reply.
     */
    @Test
    void aFailedBuildStillServesThePreviewInAJvmWithTheSiteClassesOnly() throws Exception {
        Path classes = Path.of(ServeWhileBuilding.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("full.log");
        Process server = new ProcessBuilder(javaBin.toString(), "-cp", classes.toString(), ServeWhileBuilding.class.getName(),
                preview().toString(), dir.resolve("site-full").toString(), ".built-full", "0", log.toString(), "--",
                "sh", "-c", "exit 4").redirectErrorStream(true).start();
        try {
            // a reader thread, so a server that never prints what is awaited fails the test instead of blocking it
            var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
            Thread reader = new Thread(() -> {
                try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // the server was stopped
                }
            });
            reader.setDaemon(true);
            reader.start();
            String url = null;
            boolean failed = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!(url != null && failed)) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (line.startsWith("The book is at ")) {
                    url = line.substring("The book is at ".length()).split("\\s+")[0];
                }
                failed |= line.contains("build failed (exit 4");
            }
            assertTrue(url != null && failed, "the server printed its address and the build's failure");
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("quick figures") && page.body().contains("failed (exit 4)"), page.body());
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void aBuildThatWritesNoSiteIsNotTakenForFinished() throws Exception {
        try (var s = new ServeWhileBuilding(preview(), dir.resolve("site-full"), ".built-full", 0, dir.resolve("log"),
                sh("exit 0"))) {
            assertEquals(0, s.awaitBuild());
            String page = get(s, "/");
            assertTrue(page.contains("quick figures") && page.contains("without writing the site"), page);
        }
    }

    @Test
    void closingStopsTheBuild() throws Exception {
        Path gate = gate();
        var s = new ServeWhileBuilding(preview(), dir.resolve("site-full"), ".built-full", 0, dir.resolve("log"),
                sh("read x < '" + gate + "'"));
        s.close();
        assertTrue(s.awaitBuild() != 0, "the build was stopped, not finished");
    }

    @Test
    void refusesAPreviewThatIsNotASite() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ServeWhileBuilding(dir, dir.resolve("full"), ".built-full", 0, dir.resolve("log"), sh("true")));
        assertTrue(e.getMessage().contains("no preview"), e.getMessage());
    }
}
