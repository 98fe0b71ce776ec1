package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Source#resourceFolder} finds a folder beside a class whether the class was loaded from a directory or from
 * a jar (the notebook kernel reads the chapters from their jar): the same class file and folder, packed both ways.
 */
@Timeout(30)
class ResourceFolderTest {
    /** A class with no dependencies, copied into a directory and a jar and loaded from there. */
    static final class Marker {
    }

    private static final String PACKAGE = "rnnbook/data/sets/";
    private static final String CLASS_FILE = PACKAGE + "ResourceFolderTest$Marker.class";

    private static byte[] markerBytes() throws IOException {
        try (InputStream in = Marker.class.getResourceAsStream("ResourceFolderTest$Marker.class")) {
            return in.readAllBytes();
        }
    }

    /** The marker class and two files in {@code PACKAGE/folder/}, as (path in the classpath, content). */
    private static List<Object[]> entries() throws IOException {
        return List.of(new Object[] {CLASS_FILE, markerBytes()},
                new Object[] {PACKAGE + "folder/a.txt", "first".getBytes(StandardCharsets.UTF_8)},
                new Object[] {PACKAGE + "folder/inner/b.txt", "second".getBytes(StandardCharsets.UTF_8)});
    }

    private static Class<?> loadMarker(Path classpathEntry) throws Exception {
        // parent null: the marker must come from this entry, not from the test's own classes
        var loader = new URLClassLoader(new URL[] {classpathEntry.toUri().toURL()}, null);
        Class<?> marker = Class.forName("rnnbook.data.sets.ResourceFolderTest$Marker", false, loader);
        assertEquals(loader, marker.getClassLoader());
        return marker;
    }

    private static void assertReadsTheFolder(Path folder) throws IOException {
        assertEquals("first", Files.readString(folder.resolve("a.txt")));
        assertEquals("second", Files.readString(folder.resolve("inner/b.txt")));
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(List.of("a.txt", "b.txt"), files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void opensAFolderBesideAClassLoadedFromADirectory(@TempDir Path dir) throws Exception {
        for (Object[] e : entries()) {
            Path p = dir.resolve((String) e[0]);
            Files.createDirectories(p.getParent());
            Files.write(p, (byte[]) e[1]);
        }
        Class<?> marker = loadMarker(dir);
        Path folder = Source.resourceFolder(marker, "folder").orElseThrow();
        assertEquals("file", folder.toUri().getScheme());
        assertReadsTheFolder(folder);
        assertReadsTheFolder(Source.resourceFolder(marker, "/" + PACKAGE + "folder").orElseThrow());
        assertTrue(Source.resourceFolder(marker, "no-such-folder").isEmpty());
    }

    @Test
    void opensAFolderBesideAClassLoadedFromAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("resources.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String folder : List.of("rnnbook/", "rnnbook/data/", PACKAGE, PACKAGE + "folder/",
                    PACKAGE + "folder/inner/")) {
                j.putNextEntry(new JarEntry(folder));   // folders have entries of their own, as jar and Maven write
                j.closeEntry();
            }
            for (Object[] e : entries()) {
                j.putNextEntry(new JarEntry((String) e[0]));
                j.write((byte[]) e[1]);
                j.closeEntry();
            }
        }
        Class<?> marker = loadMarker(jar);
        Path folder = Source.resourceFolder(marker, "folder").orElseThrow();
        assertEquals("jar", folder.toUri().getScheme());
        assertReadsTheFolder(folder);
        // a second folder of the same jar: its file system is open already
        assertEquals("second", Files.readString(Source.resourceFolder(marker, "folder/inner").orElseThrow()
                .resolve("b.txt")));
        assertTrue(Source.resourceFolder(marker, "no-such-folder").isEmpty());
    }
}
