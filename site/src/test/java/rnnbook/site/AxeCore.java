package rnnbook.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility checker, as the browser test runs it: the npm package at the version the parent pom
 * names, fetched once with {@code npm pack} (npm's cache serves it afterwards), checked against the pom's sha512
 * integrity, and its {@code axe.min.js} unpacked into {@code target/axe-core/}.
 */
final class AxeCore {
    private AxeCore() {
    }

    /** The source of axe.min.js. */
    static String script() throws IOException, InterruptedException {
        String version = required("axe-core.version");
        String integrity = required("axe-core.integrity");
        Path dir = Path.of(System.getProperty("rnnbook.axe.dir", "target/axe-core")).toAbsolutePath();
        Path js = dir.resolve(version).resolve("package/axe.min.js");
        if (!Files.exists(js)) {
            Files.createDirectories(js.getParent().getParent());
            Path tgz = dir.resolve("axe-core-" + version + ".tgz");
            if (!Files.exists(tgz) || !integrity.equals(sri(tgz))) {
                run(dir, "npm", "pack", "--silent", "axe-core@" + version, "--pack-destination", dir.toString());
            }
            String got = sri(tgz);
            if (!integrity.equals(got)) {
                throw new IllegalStateException(tgz + " is not the axe-core " + version + " the pom names: integrity "
                        + got + ", expected " + integrity);
            }
            run(dir, "tar", "-xzf", tgz.toString(), "-C", js.getParent().getParent().toString(), "package/axe.min.js");
        }
        return Files.readString(js, StandardCharsets.UTF_8);
    }

    private static String sri(Path file) throws IOException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file));
            return "sha512-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed (npm comes with node: ./book setup "
                    + "installs it):\n" + out);
        }
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (the site pom sets it)");
        }
        return v;
    }
}
