package rnnbook.tensor;

/**
 * Whether the engine's SIMD code paths ({@link GemmVector}, {@link PointwiseVector}) run in this JVM: only when it
 * resolved the incubating Vector API ({@code --add-modules jdk.incubator.vector}, set for the tests, the
 * benchmarks and {@code ./book demo}) and {@code -Drnnbook.simd=false} was not given. Checked through the boot
 * layer, so without the module the SIMD classes are never loaded and the scalar loops run (the notebook kernel,
 * the grader, user programs).
 */
final class Simd {
    private Simd() {
    }

    static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("rnnbook.simd",
            System.getProperty("rnnbook.gemm.vector", "true")))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && GemmVector.worthwhile();
}
