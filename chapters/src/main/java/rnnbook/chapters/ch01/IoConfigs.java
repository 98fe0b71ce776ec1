package rnnbook.chapters.ch01;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Function;
import rnnbook.nn.Dense;
import rnnbook.nn.Recurrent;
import rnnbook.nn.RnnCell;
import rnnbook.nn.Sequences;
import rnnbook.tensor.Matrix;
import rnnbook.viz.Figures;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Chapter 1, input/output configurations: one toy (untrained) model of each shape, built from the same two
 * parts, a recurrent cell and a dense read-out. What differs is only which inputs go in and which outputs are kept.
 */
public final class IoConfigs {
    private IoConfigs() {
    }

    public static void main(String[] args) {
        // tag::parts[]
        // A batch of 2 examples, 4 input features, 8 hidden units, 3 output scores.
        var wiringRng = new Random(42);
        int batch = 2;
        int in = 4;
        int hiddenSize = 8;
        int out = 3;
        Matrix[] sequence = new Matrix[6];   // an input sequence of 6 steps
        for (int t = 0; t < sequence.length; t++) {
            sequence[t] = Matrix.filled(batch, in, Math.sin(t));
        }
        Matrix single = Matrix.filled(batch, in, 0.5);   // one fixed-size input (an image's features, say)
        // end::parts[]

        // tag::one-to-one[]
        // one to one: no sequence at all, a plain feed-forward layer
        Dense classify = new Dense(in, out, wiringRng);
        Matrix oneToOne = classify.forward(single);
        // end::one-to-one[]

        // tag::one-to-many[]
        // one to many: the single input starts the sequence; later steps get zeros, and each step emits an output
        Recurrent generator = new Recurrent(new RnnCell(in, hiddenSize, wiringRng));
        Dense emit = new Dense(hiddenSize, out, wiringRng);
        Matrix[] oneToManyInputs = new Matrix[5];
        oneToManyInputs[0] = single;
        for (int t = 1; t < oneToManyInputs.length; t++) {
            oneToManyInputs[t] = Matrix.zeros(batch, in);
        }
        Matrix[] oneToMany = Arrays.stream(generator.forward(oneToManyInputs).outputs())
                .map(emit::forward).toArray(Matrix[]::new);
        // end::one-to-many[]

        // tag::many-to-one[]
        // many to one: read the whole sequence, keep only the last hidden state
        Recurrent reader = new Recurrent(new RnnCell(in, hiddenSize, wiringRng));
        Dense judge = new Dense(hiddenSize, out, wiringRng);
        Matrix manyToOne = judge.forward(reader.forward(sequence).last().h());
        // end::many-to-one[]

        // tag::many-to-many-sync[]
        // synchronized many to many: one output for every input step (a tag per word, the next character)
        Recurrent tagger = new Recurrent(new RnnCell(in, hiddenSize, wiringRng));
        Dense tag = new Dense(hiddenSize, out, wiringRng);
        Matrix[] synced = Sequences.split(tag.forward(Sequences.stack(tagger.forward(sequence).outputs())),
                sequence.length);
        // end::many-to-many-sync[]

        // tag::encoder-decoder[]
        // encoder-decoder many to many: the encoder's final state starts a decoder that runs for its own length
        Recurrent encoder = new Recurrent(new RnnCell(in, hiddenSize, wiringRng));
        Recurrent decoder = new Recurrent(new RnnCell(out, hiddenSize, wiringRng));
        Dense speak = new Dense(hiddenSize, out, wiringRng);
        Matrix[] decoderInputs = new Matrix[3];   // a 6-step input becomes a 3-step output
        for (int t = 0; t < decoderInputs.length; t++) {
            decoderInputs[t] = Matrix.zeros(batch, out);   // a trained decoder would feed back its last output
        }
        Matrix[] encDec = Arrays.stream(decoder.forward(decoderInputs, encoder.forward(sequence).last()).outputs())
                .map(speak::forward).toArray(Matrix[]::new);
        // end::encoder-decoder[]

        // tag::table[]
        Function<Matrix[], String> shapeOf = steps -> steps.length + " x " + steps[0].shape();   // (seq, batch, n)
        Table shapes = Table.create("Five ways to wire inputs and outputs, with the shapes the toy models produced",
                StringColumn.create("configuration", "one to one", "one to many", "many to one",
                        "many to many (synchronized)", "many to many (encoder-decoder)"),
                StringColumn.create("example", "image classification", "image captioning, music from a seed note",
                        "sentiment of a review, tomorrow's price", "next-character prediction, part-of-speech tags",
                        "translation"),
                StringColumn.create("input (seq, batch, features)", shapeOf.apply(new Matrix[] {single}),
                        shapeOf.apply(new Matrix[] {single}), shapeOf.apply(sequence), shapeOf.apply(sequence),
                        shapeOf.apply(sequence)),
                StringColumn.create("output (seq, batch, scores)", shapeOf.apply(new Matrix[] {oneToOne}),
                        shapeOf.apply(oneToMany), shapeOf.apply(new Matrix[] {manyToOne}), shapeOf.apply(synced),
                        shapeOf.apply(encDec)));
        Figures.table(shapes, "io-configs");
        // end::table[]
    }
}
