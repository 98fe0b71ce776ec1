package rnnbook.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggedRegionsTest {
    @TempDir
    Path dir;

    private TaggedRegions source() throws IOException {
        Path f = dir.resolve("Demo.java");
        Files.writeString(f, """
                package rnnbook.chapters.ch09;

                import java.util.Random;
                import static java.lang.Math.exp;

                public final class Demo {
                    public static void main(String[] args) {
                        // tag::a[]
                        var rng = new Random(1);
                            // tag::inner[]
                        double x = exp(rng.nextGaussian());
                            // end::inner[]
                        // end::a[]
                        int unused = 0;
                        // tag::b[]
                        System.out.println(x);
                        // end::b[]
                    }
                }
                """);
        return TaggedRegions.read(f);
    }

    @Test
    void regionDropsNestedTagLinesAndDedents() throws IOException {
        assertEquals("var rng = new Random(1);\ndouble x = exp(rng.nextGaussian());", source().region(List.of("a")));
    }

    @Test
    void severalTagsComeInFileOrder() throws IOException {
        assertEquals("double x = exp(rng.nextGaussian());\nSystem.out.println(x);",
                source().region(List.of("b", "inner")));
    }

    @Test
    void importsAndPackage() throws IOException {
        TaggedRegions s = source();
        assertEquals(List.of("import java.util.Random;", "import static java.lang.Math.exp;"), s.imports());
        assertEquals("rnnbook.chapters.ch09", s.packageName());
    }

    @Test
    void missingTagNamesTheFileAndTheTagsThatExist() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> source().region(List.of("nope")));
        assertTrue(e.getMessage().contains("Demo.java") && e.getMessage().contains("tag::nope[]")
                && e.getMessage().contains("[a, inner, b]"), e.getMessage());
    }

    @Test
    void unclosedTagIsAnError() throws IOException {
        Path f = dir.resolve("Open.java");
        Files.writeString(f, "// tag::x[]\nint a = 1;\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TaggedRegions.read(f).region(List.of("x")));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }
}
