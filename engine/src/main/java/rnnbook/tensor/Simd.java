package rnnbook.tensor;

/**
 * Whether the engine's SIMD code paths ({@link GemmVector}, {@link PointwiseVector}) run in this JVM: only when it
 * resolved the incubating Vector API ({@code --add-modules jdk.incubator.vector}, set for the tests, the
 * benchmarks, {@code ./book demo}, the notebook kernel, the site's figure build and the grader's test JVMs) and
 * {@code -Drnnbook.simd=false} was not given. Checked through the boot layer, so without the module the SIMD
 * classes are never loaded and the scalar loops run (a user's own program started without the module).
 */
final class Simd {
    private Simd() {
    }

    static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("rnnbook.simd",
            System.getProperty("rnnbook.gemm.vector", "true")))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && GemmVector.worthwhile();
}
