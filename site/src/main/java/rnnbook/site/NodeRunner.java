package rnnbook.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a JavaScript file under node, feeding it text on stdin and returning what it prints. The site uses node only
 * at build time (KaTeX and lunr are JavaScript); readers' browsers get the results as static files.
 */
final class NodeRunner {
    private NodeRunner() {
    }

    /** Copies a classpath resource (e.g. a WebJar's {@code katex.min.js}) to a file node can {@code require}. */
    static Path extract(String resource, Path target) {
        try (InputStream in = NodeRunner.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the classpath (is its WebJar a dependency?)");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource, e);
        }
    }

    /** Runs {@code node script args...} with {@code input} on stdin; fails with node's stderr when it exits non-zero. */
    static String run(Path script, String input, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (the site build runs KaTeX and lunr with it): install "
                    + "Debian's nodejs, e.g. ./book setup", e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to node running " + script, e);
        }
        try {
            int code = p.waitFor();
            String stderr = new String(err.join(), StandardCharsets.UTF_8);
            if (code != 0) {
                throw new IllegalStateException("node " + script.getFileName() + " failed (exit " + code + "):\n" + stderr);
            }
            if (!stderr.isBlank()) {
                System.err.print(stderr);
            }
            return new String(out.join(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node ran " + script, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
