package rnnbook.chapters.ch13;

import java.util.List;
import java.util.Random;
import rnnbook.nn.Composite;
import rnnbook.nn.Dense;
import rnnbook.nn.Embedding;
import rnnbook.nn.LstmCell;
import rnnbook.nn.State;
import rnnbook.seq2seq.Decoder;
import rnnbook.tensor.Matrix;
import rnnbook.tensor.Softmax;

/**
 * A melody language model: the previous pitch, embedded, read by an LSTM, and a softmax over the 128 MIDI pitches,
 * <pre>
 *   h_t = LSTM(embed(m_{t-1}), h_{t-1}),   p(m_t | m_1..m_{t-1}) = softmax(W h_t + b)
 * </pre>
 * from a zero state. The same decoder class as the captioner's, with nothing to start it but the seed note.
 * Shapes: ids (batch) per step, h_t (batch, hidden), logits (batch, 128).
 */
public final class MelodyModel extends Composite {
    private final Decoder decoder;
    private final Dense head;
    private final int hidden;

    public MelodyModel(int embedding, int hidden, Random rng) {
        this.hidden = hidden;
        this.decoder = register("decoder", new Decoder(new Embedding(NoteMarkov.PITCHES, embedding, rng),
                new LstmCell(embedding, hidden, rng)));
        this.head = register("head", new Dense(hidden, NoteMarkov.PITCHES, rng));
    }

    private State zero(int batch) {
        return new State(Matrix.zeros(batch, hidden), Matrix.zeros(batch, hidden));
    }

    /** Teacher forcing on windows (batch, length + 1): reads notes 0..L-1, predicts 1..L; mean loss, gradients added. */
    public double lossAndGradients(int[][] windows) {
        int batch = windows.length;
        int steps = windows[0].length - 1;
        int[][] inputs = new int[steps][batch];
        int[][] targets = new int[steps][batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                inputs[t][b] = windows[b][t];
                targets[t][b] = windows[b][t + 1];
            }
        }
        Decoder.Pass pass = decoder.forward(inputs, zero(batch));
        Matrix[] dH = new Matrix[steps];
        double loss = Captioner.wordLoss(head, pass.outputs(), targets, dH);
        decoder.backward(pass, dH);
        return loss;
    }

    /** The mean of -ln p(m_t | m_1..m_{t-1}) over notes 2..T of every melody, read whole: nats per note. */
    public double nllPerNote(List<int[]> melodies) {
        double sum = 0;
        long notes = 0;
        for (int[] m : melodies) {
            State s = zero(1);
            for (int t = 1; t < m.length; t++) {
                s = decoder.step(new int[] {m[t - 1]}, s);
                sum -= Softmax.log(head.forward(s.h())).get(0, m[t]);
                notes++;
            }
        }
        if (notes == 0) {
            throw new IllegalArgumentException("no melody has two notes: nothing to score");
        }
        return sum / notes;
    }

    /** {@code length} pitches from {@code seed}: each next pitch drawn from softmax(logits / temperature). */
    public int[] sample(int seed, int length, double temperature, Random rng) {
        if (temperature <= 0) {
            throw new IllegalArgumentException("the temperature must be positive, got " + temperature);
        }
        int[] out = new int[length];
        out[0] = seed;
        State s = zero(1);
        for (int t = 1; t < length; t++) {
            s = decoder.step(new int[] {out[t - 1]}, s);
            Matrix p = Softmax.of(head.forward(s.h()).scale(1 / temperature));
            double u = rng.nextDouble();
            int next = 0;
            for (double acc = p.get(0, 0); acc < u && next < NoteMarkov.PITCHES - 1; acc += p.get(0, ++next)) {
                // walk the cumulative distribution to the drawn value
            }
            out[t] = next;
        }
        return out;
    }
}
