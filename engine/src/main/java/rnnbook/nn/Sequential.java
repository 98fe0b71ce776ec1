package rnnbook.nn;

import java.util.ArrayList;
import java.util.List;
import rnnbook.tensor.Matrix;

/**
 * Layers applied one after another, PyTorch's {@code nn.Sequential}: y = f_n(... f_2(f_1(x))). Backward runs the
 * layers in reverse, each turning dL/d(its output) into dL/d(its input). Parts are named "0", "1", ... as PyTorch
 * names them ({@code 0.weight}, {@code 2.bias}), or by the names given to {@link #add}.
 */
public final class Sequential extends Composite implements Layer {
    private final List<Layer> layers = new ArrayList<>();

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
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential forward: the sequence has no layers");
        }
        Matrix y = x;
        for (Layer layer : layers) {
            y = layer.forward(y);
        }
        return y;
    }

    @Override
    public Matrix backward(Matrix dy) {
        Matrix d = dy;
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
        return d;
    }
}
