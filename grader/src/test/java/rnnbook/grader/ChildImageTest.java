package rnnbook.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading child's own runtime: a jlink image with only the modules a child may have (so a module left out
 * cannot be loaded by any means, as with {@code --limit-modules}), and class-data sharing archives dumped by the
 * grader from trusted runs, used only when they match the hash recorded when they were dumped.
 */
@Timeout(600)
class ChildImageTest {
    @TempDir
    static Path tmp;

    static final List<String> CHILD_MODULES = List.of("java.base", "java.logging", "java.management",
            "org.apiguardian.api", "org.junit.jupiter.api", "org.junit.jupiter.engine", "org.junit.platform.commons",
            "org.junit.platform.engine", "org.junit.platform.launcher", "org.opentest4j", "rnnbook.runner");

    static Prepared prepared() {
        Prepared p = Fixture.grader().prepared();
        assertNotNull(p.image(), p.childRuntime());
        return p;
    }

    @Test
    void theImageHoldsOnlyTheModulesAChildNeeds() throws Exception {
        // java.management stays: the JUnit Platform's commons module requires it
        assertEquals(CHILD_MODULES, ChildImage.modules(prepared().image()));
    }

    @Test
    void theChildsClassesComeFromTheArchive() throws Exception {
        Prepared p = prepared();
        assertTrue(CdsArchive.valid(p.childArchive()), p.childRuntime());
        assertTrue(CdsArchive.valid(p.compileArchive()), "compile archive " + p.compileArchive());
        List<String> cmd = new ArrayList<>(List.of(ChildImage.java(p.image()).toString(), "-Xshare:on",
                CdsArchive.option(p.childArchive()), "-Xlog:class+load"));
        cmd.addAll(ChildRun.MEMORY_OPTIONS);
        cmd.addAll(List.of("-m", "rnnbook.runner/rnnbook.runner.internal.Child", "none"));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        proc.getOutputStream().close();   // no payload: the runner stops at once, after loading its main class
        String log = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        proc.waitFor();
        assertTrue(log.contains("rnnbook.runner.internal.Child source: shared objects file"), log);
        assertTrue(log.contains("java.lang.Object source: shared objects file"), log);
    }

    @Test
    void aTamperedOrMissingArchiveIsNeverUsedButDumpedAgain() throws Exception {
        Prepared p = prepared();
        Path dir = Files.createDirectories(tmp.resolve("archive"));
        Path list = Files.copy(p.childArchive().resolveSibling("child.classlist"), dir.resolve("child.classlist"));
        Path archive = Files.copy(p.childArchive(), dir.resolve("child.jsa"));
        Files.copy(CdsArchive.hashFile(p.childArchive()), CdsArchive.hashFile(archive));
        assertTrue(CdsArchive.valid(archive));
        Path java = ChildImage.java(p.image());

        byte[] tampered = Files.readAllBytes(archive);
        tampered[tampered.length / 2] ^= 1;
        Files.write(archive, tampered);
        assertFalse(CdsArchive.valid(archive), "one flipped bit must not pass");
        assertEquals(archive, CdsArchive.ensure(java, list, archive, ChildRun.MEMORY_OPTIONS));
        assertTrue(CdsArchive.valid(archive));
        assertFalse(Arrays.equals(tampered, Files.readAllBytes(archive)), "the tampered archive was kept");

        Files.delete(archive);
        assertEquals(archive, CdsArchive.ensure(java, list, archive, ChildRun.MEMORY_OPTIONS));
        assertTrue(CdsArchive.valid(archive));

        // with no trusted list to dump from, a tampered archive is not used at all
        Files.write(archive, tampered);
        Files.delete(list);
        assertNull(CdsArchive.ensure(java, list, archive, ChildRun.MEMORY_OPTIONS));
    }

    @Test
    void theGraderRepairsATamperedArchiveInItsCacheBeforeAChildMapsIt() throws Exception {
        Prepared p = prepared();
        Path archive = p.childArchive();
        byte[] tampered = Files.readAllBytes(archive);
        tampered[tampered.length / 3] ^= 0x40;
        Path tmpFile = archive.resolveSibling("tampered.tmp");
        Files.write(tmpFile, tampered);
        Files.move(tmpFile, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Prepared again = Prepared.load(p.catalog());
        assertEquals(archive, again.childArchive());
        assertTrue(CdsArchive.valid(archive));
        assertFalse(Arrays.equals(tampered, Files.readAllBytes(archive)));
        assertTrue(again.launch().options().contains(CdsArchive.option(archive)), again.launch().toString());
    }

    @Test
    void aSubmissionCannotReachAModuleLeftOutOfTheImage() throws Exception {
        Map<String, String> subs = new LinkedHashMap<>();
        subs.put("unsafe", HostileTest.gated("return Class.forName(\"sun.misc.Unsafe\") != null;"));
        subs.put("system-finder", HostileTest.gated(
                "return java.lang.module.ModuleFinder.ofSystem().find(\"jdk.unsupported\").isPresent();"));
        subs.put("new-layer", HostileTest.gated("""
                var finder = java.lang.module.ModuleFinder.ofSystem();
                var cf = ModuleLayer.boot().configuration().resolve(finder, java.lang.module.ModuleFinder.of(),
                        java.util.Set.of("jdk.unsupported"));
                var layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
                return layer.findLoader("jdk.unsupported").loadClass("sun.misc.Unsafe") != null;
                """));
        subs.put("jdk-management", HostileTest.gated(
                "return Class.forName(\"com.sun.management.OperatingSystemMXBean\") != null;"));
        subs.put("other-modules", HostileTest.gated("""
                for (String m : new String[] {"java.sql", "java.desktop", "jdk.compiler", "java.net.http",
                        "jdk.attach", "jdk.jshell", "java.instrument", "jdk.management"}) {
                    if (java.lang.module.ModuleFinder.ofSystem().find(m).isPresent()
                            || ModuleLayer.boot().findModule(m).isPresent()) return true;
                }
                return false;
                """));
        // the control: the same gate with modules the image does have earns full marks
        subs.put("control", HostileTest.gated("""
                return Class.forName("java.util.logging.Logger") != null
                        && java.lang.module.ModuleFinder.ofSystem().find("java.management").isPresent();
                """));
        Path in = tmp.resolve("subs");
        for (Map.Entry<String, String> e : subs.entrySet()) {
            Fixture.write(in.resolve(e.getKey()), "RnnStep.java", e.getValue());
        }
        Batch.Summary s = Batch.run(Fixture.grader().only(List.of("rnn-step")), in, tmp.resolve("out"), 2, false,
                System.out);
        assertEquals(0, s.failed());
        Map<String, Results.Submission> graded = new LinkedHashMap<>();
        s.all().forEach(r -> graded.put(r.name(), r));
        int max = Fixture.grader().prepared().hidden("rnn-step").maxPoints();
        assertEquals(max, graded.get("control").score(), graded.get("control").exercise("rnn-step").tests()
                .toString());
        for (String name : subs.keySet()) {
            if (!name.equals("control")) {
                assertEquals(0, graded.get(name).score(), name + " reached a module left out of the image");
            }
        }
    }
}
