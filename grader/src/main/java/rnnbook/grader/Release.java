package rnnbook.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What students get for one assignment (a chapter): per exercise the starter and its public checks, the chapter's
 * exercise notebook, the checks' assertion helper ({@code rnnbook.runner.Expect}), the engine's
 * {@code rnnbook.tensor} classes as a jar, a Maven {@code pom.xml} and a short README. Only those files are
 * copied, one by one: nothing from {@code hidden/}, {@code solution/} or {@code mutants/} is ever read here.
 *
 * <pre>
 *   DIR/README.md, pom.xml, NN-slug-exercises.ipynb, lib/rnnbook-tensor.jar
 *   DIR/src/main/java/rnnbook/exercises/CLASS.java        (starters)
 *   DIR/src/test/java/rnnbook/exercises/CLASSCheck.java   (public checks, JUnit 5)
 *   DIR/src/test/java/rnnbook/runner/Expect.java           (their assertion helper)
 * </pre>
 */
public final class Release {
    private Release() {
    }

    /** The exercises of one chapter, or a clear error listing the chapters. */
    static List<Exercise> assignment(Catalog catalog, String chapter) {
        List<Exercise> ex = catalog.exercises().stream().filter(e -> e.chapter().equals(chapter)).toList();
        if (ex.isEmpty()) {
            throw new IllegalArgumentException("no exercises for the assignment " + chapter + "; the assignments are: "
                    + String.join(", ", catalog.exercises().stream().map(Exercise::chapter).distinct().toList()));
        }
        return ex;
    }

    /** Writes the release into {@code out} (which must be absent or empty); returns the files written. */
    public static List<Path> write(Catalog catalog, String chapter, Path out) throws IOException {
        List<Exercise> ex = assignment(catalog, chapter);
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " is not empty: release into a new folder");
                }
            }
        }
        Path main = out.resolve("src/main/java/rnnbook/exercises");
        Path test = out.resolve("src/test/java/rnnbook/exercises");
        Files.createDirectories(main);
        Files.createDirectories(test);
        for (Exercise e : ex) {
            Files.copy(e.starter(), main.resolve(e.fileName()));
            Files.copy(e.dir().resolve("tests").resolve(e.className() + "Check.java"),
                    test.resolve(e.className() + "Check.java"));
        }
        Path runner = out.resolve("src/test/java/rnnbook/runner");
        Files.createDirectories(runner);
        Files.copy(Prepared.home().resolve("runner/rnnbook.runner/rnnbook/runner/Expect.java"),
                runner.resolve("Expect.java"));
        Path notebook = catalog.root().resolve(chapter).resolve(chapter + "-exercises.ipynb");
        if (Files.isRegularFile(notebook)) {
            Files.copy(notebook, out.resolve(notebook.getFileName()));
        }
        Files.createDirectories(out.resolve("lib"));
        tensorJar(Prepared.engineLocation(), out.resolve("lib/rnnbook-tensor.jar"));
        Files.writeString(out.resolve("pom.xml"), pom(chapter), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("README.md"), readme(chapter, ex), StandardCharsets.UTF_8);
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The engine's {@code rnnbook.tensor} classes (all a submission may use; from a folder or a jar) as a jar. */
    static void tensorJar(Path engine, Path jar) throws IOException {
        if (Files.isRegularFile(engine)) {
            try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(engine)) {
                tensorJar(fs.getPath("/"), jar);
            }
            return;
        }
        Path pkg = engine.resolve("rnnbook/tensor");
        if (!Files.isDirectory(pkg)) {
            throw new IllegalStateException("no compiled rnnbook.tensor classes in " + engine
                    + " (build the engine first)");
        }
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> s = Files.list(pkg)) {
            for (Path c : (Iterable<Path>) s.sorted()::iterator) {
                j.putNextEntry(new JarEntry("rnnbook/tensor/" + c.getFileName()));
                j.write(Files.readAllBytes(c));
                j.closeEntry();
            }
        }
    }

    private static String pom(String chapter) {
        String junit = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- The public checks of %s: mvn test (or open this file as a project in an IDE). -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>org.rnnbook.students</groupId>
                  <artifactId>%s-exercises</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.rnnbook</groupId>
                      <artifactId>rnnbook-tensor</artifactId>
                      <version>1</version>
                      <scope>system</scope>
                      <systemPath>${project.basedir}/lib/rnnbook-tensor.jar</systemPath>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>%s</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.2</version>
                        <!-- the checks are named *Check, not *Test -->
                        <configuration><includes><include>**/*Check.java</include></includes></configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(chapter, chapter, junit == null ? "5.10.3" : junit);
    }

    private static String readme(String chapter, List<Exercise> ex) {
        StringBuilder table = new StringBuilder();
        for (Exercise e : ex) {
            table.append("| ").append(e.id()).append(" | ").append(e.title()).append(" | `src/main/java/rnnbook/exercises/")
                    .append(e.fileName()).append("` |\n");
        }
        return """
                # Exercises of %1$s

                | exercise | task | your file |
                |---|---|---|
                %2$s
                Each file's Javadoc states the task, the formula and the shapes. Keep the first line
                `package rnnbook.exercises;`, the class name and the method signatures; use `java.*` and
                `rnnbook.tensor.Matrix` only. Or work in the notebook `%1$s-exercises.ipynb` (the cells tagged
                `solution:ID`).

                ## Check your work (the public checks: hand-worked numbers, a few cases)
                - **In a clone of the book:** `./book check EXERCISE-ID path/to/this/folder/src/main/java/rnnbook/exercises`
                  (the folder holding your files, so that each class is found once), or
                  `./book check EXERCISE-ID path/to/%1$s-exercises.ipynb` for the notebook.
                - **Maven:** `mvn test` here (JDK 17; `mvn test -Dtest=RnnStepCheck` for one class).
                - **An IDE:** open `pom.xml` as a project and run the `*Check` classes in `src/test/java` with JUnit
                  (a green bar when they pass).

                Passing the public checks does not guarantee full marks: the graded tests check more cases.

                ## Hand in
                Upload your `.java` files (or a zip of `src/main/java`, or the saved notebook) where your instructor
                says (for example Gradescope). Files are matched by name, so keep the file names.
                """.formatted(chapter, table);
    }
}
