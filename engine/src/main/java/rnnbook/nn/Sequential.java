package rnnbook.nn;

import java.util.ArrayList;
import java.util.List;
import rnnbook.tensor.Matrix;

/**
 * Layers applied one after another, PyTorch's {@code nn.Sequential}: y = f_n(... f_2(f_1(x))). Backward runs the
 * layers in reverse, each turning dL/d(its output) into dL/d(its input). Parts are named "0", "1", ... as PyTorch
 * names them ({@code 0.weight}, {@code 2.bias}), or by the names given to {@link #add}.
 *
 * <p>{@link #forwardPass} returns a {@link Layer.Pass} whose {@code inner} holds every layer's own pass, in order;
 * {@link #backward(Layer.Pass, Matrix)} hands each layer its pass back, so the sequence keeps nothing between them.
 */
public final class Sequential extends Composite implements Layer {
    private final List<Layer> layers = new ArrayList<>();
    private Pass last;   // the pass of the last forward(x), for the deprecated backward(dy) only

    /** The layers in order, named by their position. */
    public static Sequential of(Layer... layers) {
        Sequential s = new Sequential();
        for (Layer layer : layers) {
            s.add(Integer.toString(s.layers.size()), layer);
        }
        return s;
    }

    /** Appends {@code layer} under {@code name}; returns this sequence. */
    public Sequential add(String name, Layer layer) {
        layers.add(register(name, layer));
        return this;
    }

    @Override
    public Matrix forward(Matrix x) {
        last = forwardPass(x);
        return last.y();
    }

    /** Every layer's pass, first to last, each reading the previous one's y; y is the last layer's. */
    @Override
    public Pass forwardPass(Matrix x) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential forward: the sequence has no layers");
        }
        List<Pass> inner = new ArrayList<>(layers.size());
        Matrix y = x;
        for (Layer layer : layers) {
            Pass p = layer.forwardPass(y);
            inner.add(p);
            y = p.y();
        }
        return new Pass(x, y, inner);
    }

    /** dL/dx for {@code pass}: the layers' backward in reverse, each over its own pass. */
    @Override
    public Matrix backward(Pass pass, Matrix dy) {
        if (pass.inner().size() != layers.size()) {
            throw new IllegalArgumentException("Sequential backward: the pass holds " + pass.inner().size()
                    + " layers' passes but this sequence has " + layers.size() + " layers");
        }
        Matrix d = dy;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(pass.inner().get(i), d);
        }
        return d;
    }

    /**
     * Backward for the last {@link #forward}.
     *
     * @deprecated a later forward replaces the pass this uses; keep the {@link Layer.Pass} of {@link #forwardPass}
     *             and call {@link #backward(Layer.Pass, Matrix)}
     */
    @Deprecated
    @Override
    public Matrix backward(Matrix dy) {
        if (last == null) {
            throw new IllegalStateException("Sequential backward called before forward");
        }
        return backward(last, dy);
    }
}
