package rnnbook.nn;

/**
 * What a cell's forward step remembers for its backward step. Each cell has its own record (the input, the
 * previous state, gate values...); all of them expose the state they produced.
 */
public interface Step {

    /** The state this step produced; its {@code h} is the step's output. */
    State state();
}
