package rnnbook.grader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * {@code junit.xml} for a graded submission, written by the JUnit Platform's own legacy XML reporting: the final
 * verdicts (the parent's, after comparing with the reference) are replayed through the Launcher by a small
 * {@link TestEngine} of this class, one container per exercise and one test per graded test, and
 * {@link LegacyXmlReportGeneratingListener} writes the file. The JVM's system properties it would list are left
 * out: they describe the grading machine, not the submission.
 */
final class JunitXml {
    static final String ENGINE = "rnnbook-grade";

    private JunitXml() {
    }

    static void write(Results.Submission s, Path dir) {
        try {
            Path tmp = Files.createTempDirectory(dir, ".junit");
            try {
                var launcher = LauncherFactory.create(LauncherConfig.builder()
                        .enableTestEngineAutoRegistration(false)
                        .enableTestExecutionListenerAutoRegistration(false)
                        .enablePostDiscoveryFilterAutoRegistration(false)
                        .enableLauncherSessionListenerAutoRegistration(false)
                        .enableLauncherDiscoveryListenerAutoRegistration(false)
                        .addTestEngines(new Replay(s)).build());
                var request = LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectUniqueId(UniqueId.forEngine(ENGINE))).build();
                launcher.execute(request, new LegacyXmlReportGeneratingListener(tmp,
                        new PrintWriter(Writer.nullWriter())));
                String xml = Files.readString(tmp.resolve("TEST-" + ENGINE + ".xml"), StandardCharsets.UTF_8);
                Reports.atomically(dir.resolve("junit.xml"),
                        xml.replaceFirst("(?s)\\s*<properties>.*?</properties>", ""));
            } finally {
                Prepared.deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write junit.xml in " + dir, e);
        }
    }

    /** A descriptor of an exercise (container) or a graded test. */
    private static final class Node extends AbstractTestDescriptor {
        final Results.Exercise exercise;
        final Results.Test test;

        Node(UniqueId id, String name, Results.Exercise exercise, Results.Test test) {
            super(id, name);
            this.exercise = exercise;
            this.test = test;
        }

        @Override
        public Type getType() {
            return test == null ? Type.CONTAINER : Type.TEST;
        }

        @Override
        public String getLegacyReportingName() {
            return test == null ? exercise.id() : test.name();
        }
    }

    /** Replays the parent's verdicts as a test run. */
    private static final class Replay implements TestEngine {
        private final Results.Submission s;

        Replay(Results.Submission s) {
            this.s = s;
        }

        @Override
        public String getId() {
            return ENGINE;
        }

        @Override
        public Optional<String> getGroupId() {
            return Optional.of("org.rnnbook");
        }

        @Override
        public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId root) {
            EngineDescriptor engine = new EngineDescriptor(root, s.name());
            for (Results.Exercise e : s.exercises()) {
                UniqueId eid = root.append("exercise", e.id());
                Node ex = new Node(eid, e.id(), e, null);
                for (Results.Test t : e.tests()) {
                    ex.addChild(new Node(eid.append("test", t.name()), t.title(), e, t));
                }
                engine.addChild(ex);
            }
            return engine;
        }

        @Override
        public void execute(ExecutionRequest request) {
            EngineExecutionListener l = request.getEngineExecutionListener();
            TestDescriptor root = request.getRootTestDescriptor();
            l.executionStarted(root);
            for (TestDescriptor ex : root.getChildren()) {
                l.executionStarted(ex);
                for (TestDescriptor d : ex.getChildren()) {
                    Node n = (Node) d;
                    l.executionStarted(n);
                    l.executionFinished(n, n.test.passed() ? TestExecutionResult.successful()
                            : TestExecutionResult.failed(failure(n)));
                }
                l.executionFinished(ex, TestExecutionResult.successful());
            }
            l.executionFinished(root, TestExecutionResult.successful());
        }

        private static AssertionError failure(Node n) {
            String msg = n.exercise.status() == Results.Status.GRADED ? n.test.message() : n.exercise.message();
            AssertionError e = new AssertionError(n.test.points() + "/" + n.test.maxPoints() + " points: " + msg);
            e.setStackTrace(new StackTraceElement[0]);
            return e;
        }
    }
}
