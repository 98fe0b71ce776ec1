package rnnbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./book serve} on a machine where the full-scale book is not built yet: a cold build trains every chapter's
 * networks at full scale, which takes tens of minutes on two cores. So the reader gets a preview at once (the
 * site at CI scale, or the previous full build) with a notice on every page, while the full build runs in the
 * background; the server switches to the finished site the moment the build succeeds, and preview pages reload
 * themselves. If the build fails, the preview stays, and the notice and the terminal say so and name the log.
 *
 * <p>Usage: {@code ServeWhileBuilding PREVIEW_DIR FINAL_DIR FINAL_MARKER PORT LOG -- BUILD COMMAND...}; the site is
 * finished when the build command exits with 0 and {@code FINAL_DIR/FINAL_MARKER} exists.
 */
public final class ServeWhileBuilding implements AutoCloseable {
    private final Path preview;
    private final Path finalSite;
    private final String marker;
    private final Path log;
    private final Process build;
    private final Instant started = Instant.now();
    private final Serve server;
    private volatile Integer exit;

    /** Starts {@code command} (output to {@code log}) and serves the preview on {@code port} until it is done. */
    ServeWhileBuilding(Path preview, Path finalSite, String marker, int port, Path log, List<String> command)
            throws IOException {
        this.preview = preview.toAbsolutePath().normalize();
        this.finalSite = finalSite.toAbsolutePath().normalize();
        this.marker = marker;
        this.log = log.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.preview.resolve("index.html"))) {
            throw new IllegalArgumentException("no preview to serve at " + this.preview + " (it has no index.html)");
        }
        Files.createDirectories(this.log.getParent());
        server = new Serve(this::showing, port); // first: a taken port must not leave a build running
        try {
            build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(this.log.toFile()).start();
        } catch (IOException e) {
            server.close();
            throw e;
        }
        build.onExit().thenAccept(p -> exit = p.exitValue());
    }

    /** The finished site once the build succeeded; the preview with a notice before, or after a failure. */
    Serve.Showing showing() {
        Integer code = exit;
        if (code != null && code == 0 && Files.exists(finalSite.resolve(marker))) {
            return new Serve.Showing(finalSite, null);
        }
        return new Serve.Showing(preview, notice(code));
    }

    private String notice(Integer code) {
        String what = preview.equals(finalSite) ? "Showing the previous build." : "Preview at CI scale (seconds of training).";
        String text;
        if (code == null) {
            long minutes = Duration.between(started, Instant.now()).toMinutes();
            text = "<strong>" + what + "</strong> The full-scale book is building in the background ("
                    + (minutes < 1 ? "under a minute" : minutes + " min") + " so far); this page reloads when it is ready.";
        } else {
            String how = code == 0 ? "ended without writing the site (no " + marker + ")" : "failed (exit " + code + ")";
            text = "<strong>" + what + "</strong> The full-scale build " + escape(how) + "; its log is "
                    + escape(log.toString()) + ".";
        }
        // inline style and script: the notice must look the same on every page without touching the site's assets;
        // at the bottom of the window, so it hides neither the navigation nor the title, and it can be closed
        return "<div role=\"status\" id=\"build-notice\" style=\"position:fixed;left:0;right:0;bottom:0;z-index:1000;"
                + "margin:0;padding:.45em 2.6em .45em 1em;background:#fff4d6;color:#3d2c00;border-top:1px solid #d9b44a;"
                + "font:14px/1.4 system-ui,sans-serif\">" + text
                + "<button type=\"button\" aria-label=\"Close this notice\" onclick=\"this.parentNode.remove()\" "
                + "style=\"position:absolute;right:.4em;top:.25em;border:0;background:none;font-size:20px;"
                + "line-height:1;padding:.2em .4em;cursor:pointer;color:inherit\">&times;</button></div>"
                + (code == null ? "<script>setInterval(function(){fetch('" + Serve.STATUS_PATH
                        + "',{cache:'no-store'}).then(function(r){return r.text()}).then(function(t){"
                        + "if(t.trim()==='ready')location.reload()}).catch(function(){})},15000)</script>" : "");
    }

    /**
     * Text for HTML. Not {@link Layout#esc}: that calls jsoup, and {@code ./book serve} starts this server with the
     * site's own classes only (no dependencies), where it failed with NoClassDefFoundError and every request after
     * a failed build got an empty reply.
     */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The build's exit code, waiting for it. */
    int awaitBuild() throws InterruptedException {
        int code = build.waitFor();
        exit = code; // onExit's callback may not have run yet
        return code;
    }

    Serve server() {
        return server;
    }

    @Override
    public void close() {
        build.descendants().forEach(ProcessHandle::destroy);
        build.destroy();
        server.close();
    }

    public static void main(String[] args) throws Exception {
        int dash = List.of(args).indexOf("--");
        if (dash != 5 || args.length < 7) {
            System.err.println("usage: ServeWhileBuilding PREVIEW_DIR FINAL_DIR FINAL_MARKER PORT LOG -- BUILD COMMAND...");
            System.exit(2);
        }
        List<String> command = new ArrayList<>(List.of(args).subList(6, args.length));
        int port = Integer.parseInt(args[3]);
        ServeWhileBuilding s = Serve.onFreePort(port,
                () -> new ServeWhileBuilding(Path.of(args[0]), Path.of(args[1]), args[2], port, Path.of(args[4]), command));
        Runtime.getRuntime().addShutdownHook(new Thread(s::close)); // Ctrl-C stops the build too
        System.out.println("The book is at " + s.server().url() + "  (Ctrl-C stops the server and the build)");
        System.out.println("Showing a preview while the full-scale book builds in the background (log: " + s.log + ")");
        int code = s.awaitBuild();
        long minutes = Duration.between(s.started, Instant.now()).toMinutes();
        if (code == 0 && Files.exists(s.finalSite.resolve(s.marker))) {
            System.out.println("The full-scale book is ready (built in " + minutes + " min); open pages reload themselves.");
        } else {
            List<String> lines = new String(Files.readAllBytes(s.log), StandardCharsets.UTF_8).lines().toList();
            lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
            System.err.println("The full-scale build failed (exit " + code + ", log: " + s.log
                    + "); still serving the preview.");
        }
        Thread.currentThread().join();
    }
}
