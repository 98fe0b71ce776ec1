package rnnbook.nn;

import java.util.Random;

/**
 * Makes a cell of a given size, so models and experiments can be written once for any cell:
 * {@code RnnCell::new}, or a lambda for cells with more settings.
 */
@FunctionalInterface
public interface CellFactory {
    Cell create(int inputSize, int hiddenSize, Random rng);
}
