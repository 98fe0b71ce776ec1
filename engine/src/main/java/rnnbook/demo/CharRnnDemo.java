package rnnbook.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import rnnbook.data.LanguageModelBatches;
import rnnbook.data.Texts;
import rnnbook.data.Vocabulary;
import rnnbook.nn.State;
import rnnbook.optim.Adam;
import rnnbook.train.History;
import rnnbook.train.Progress;
import rnnbook.train.Trainer;
import rnnbook.viz.Charts;

/**
 * The demo behind {@code ./book demo}: a character-level vanilla RNN learns the English and Korean texts shipped
 * with the engine, then writes in their style. Truncated BPTT over windows of the text, Adam, gradient clipping;
 * prints the loss at milestones and samples at several temperatures, and saves the loss chart as a PNG.
 *
 * <p>Arguments (all optional): {@code --steps N}, {@code --out FOLDER} (default {@code target/demo}),
 * {@code --seed S}.
 */
public final class CharRnnDemo {

    /** Sizes and rates of one run. */
    public record Config(int embed, int hidden, int seq, int batch, int steps, double lr, double clip, long seed) {

        /** The run of {@code ./book demo}: about 20 seconds on two cores. */
        public static Config standard() {
            return new Config(32, 128, 32, 16, 500, 0.005, 5.0, 7);
        }

        public Config withSteps(int n) {
            return new Config(embed, hidden, seq, batch, n, lr, clip, seed);
        }

        public Config withSeed(long s) {
            return new Config(embed, hidden, seq, batch, steps, lr, clip, s);
        }
    }

    /** What a run leaves behind. */
    public record Run(CharRnn model, Vocabulary vocabulary, History history) {
    }

    private CharRnnDemo() {
    }

    /** The English text, a blank line, the Korean text. */
    public static String corpus() {
        return Texts.english() + "\n" + Texts.korean();
    }

    /** Trains a model on {@code text}: step k uses window (k - 1) mod W, carrying the state between windows. */
    public static Run train(Config config, String text, Progress progress) {
        Vocabulary vocab = Vocabulary.of(text);
        LanguageModelBatches batches = new LanguageModelBatches(vocab.encode(text), config.seq(), config.batch());
        CharRnn model = new CharRnn(vocab.size(), config.embed(), config.hidden(), new Random(config.seed()));
        Trainer trainer = new Trainer(model, new Adam(model.parameters(), config.lr()))
                .clipGradNorm(config.clip()).progress(progress).name("char-rnn");
        State[] carried = {null};
        trainer.fit(config.steps(), step -> {
            int w = (step.step() - 1) % batches.windowCount();
            State h0 = w == 0 || carried[0] == null ? model.zeroState(config.batch()) : carried[0];
            CharRnn.WindowResult r = model.lossAndBackward(batches.window(w), h0);
            carried[0] = r.last().copy();   // the next window starts here; no gradient flows back into it
            return r.loss();
        });
        return new Run(model, vocab, trainer.history());
    }

    public static void main(String[] args) throws IOException {
        Config config = Config.standard();
        Path out = Path.of("target", "demo");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--steps" -> config = config.withSteps(Integer.parseInt(value(args, ++i, "--steps")));
                case "--seed" -> config = config.withSeed(Long.parseLong(value(args, ++i, "--seed")));
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --steps N, --seed S or --out FOLDER");
            }
        }
        String text = corpus();
        System.out.printf("Training a character-level RNN (embedding %d, hidden %d, tanh) on %d characters of"
                        + " English and Korean (%d distinct), windows of %d x batch %d, %d steps of Adam.%n",
                config.embed(), config.hidden(), text.codePoints().count(), Vocabulary.of(text).size(),
                config.seq(), config.batch(), config.steps());
        long start = System.nanoTime();
        Run run = train(config, text, Progress.AUTO);
        double seconds = (System.nanoTime() - start) / 1e9;

        History h = run.history();
        System.out.printf("%nloss (mean cross-entropy per character; ln %d = %.2f is a uniform guess)%n",
                run.vocabulary().size(), Math.log(run.vocabulary().size()));
        int milestones = Math.min(10, h.size());
        for (int k = 1; k <= milestones; k++) {
            int end = k * h.size() / milestones;
            int begin = (k - 1) * h.size() / milestones;
            System.out.printf("  step %5d   loss %.3f%n", h.records().get(end - 1).step(), h.meanLoss(begin, end));
        }
        System.out.printf("trained in %.1f s%n%n", seconds);

        int k = 0;
        for (String prime : new String[]{"The network ", "나는 한국 "}) {
            for (double temperature : new double[]{0.5, 1.0}) {
                Random rng = new Random(config.seed() + k++);
                int[] ids = run.model().sample(run.vocabulary().encode(prime), 160, temperature, rng);
                String sample = prime + run.vocabulary().decode(ids);
                System.out.printf("sample (temperature %.1f):%n  %s%n%n", temperature,
                        sample.replace("\n", "\n  "));
            }
        }

        XYChart chart = Charts.loss(h, "Character RNN on English and Korean text");
        Path png = savePng(chart, out.resolve("loss.png"));
        System.out.println("loss chart: " + png);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** Writes the chart as PNG next to the target and moves it into place, so a reader never sees half a file. */
    static Path savePng(XYChart chart, Path target) throws IOException {
        Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
        String stem = folder.resolve("." + target.getFileName() + "-" + java.util.UUID.randomUUID()).toString();
        BitmapEncoder.saveBitmap(chart, stem, BitmapEncoder.BitmapFormat.PNG);
        return Files.move(Path.of(stem + ".png"), target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
