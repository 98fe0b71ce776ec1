package rnnbook.train;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.optim.Clip;
import rnnbook.optim.Optimizer;

/**
 * A small training loop. Each step:
 * <ol>
 *   <li>sets every gradient to zero;</li>
 *   <li>runs the caller's step function, which does the forward and backward pass and returns the loss;</li>
 *   <li>stops with a {@link TrainingDivergedException} naming the step (and the parameter) when the loss or any
 *       gradient is NaN or infinite;</li>
 *   <li>measures the global gradient norm and, when {@link #clipGradNorm} is set, clips to it
 *       ({@link Clip#gradNorm}); the norm <em>before</em> clipping is recorded;</li>
 *   <li>lets the optimiser update the parameters, and records the step in the {@link History}.</li>
 * </ol>
 * <pre>{@code
 * Trainer trainer = new Trainer(model, new Adam(model.parameters(), 1e-2)).clipGradNorm(5.0);
 * History history = trainer.fit(300, step -> {
 *     double loss = ...forward...;
 *     ...backward...;
 *     step.log("accuracy", acc);       // optional metrics
 *     return loss;
 * });
 * }</pre>
 * Steps are numbered from 1 and keep counting across calls to {@link #fit}, so training can continue in a
 * later notebook cell. A progress bar (on standard error) shows the step and the loss when {@link Progress}
 * allows it.
 */
public final class Trainer {

    /** The caller's part of a step: forward, loss, backward; returns the loss. */
    @FunctionalInterface
    public interface StepFunction {
        double run(StepContext step);
    }

    /** What a step function knows about the step and how it logs extra metrics. */
    public static final class StepContext {
        private final int step;
        private final Map<String, Double> metrics = new LinkedHashMap<>();

        StepContext(int step) {
            this.step = step;
        }

        /** The step number, starting at 1. */
        public int step() {
            return step;
        }

        /** Records a metric for this step; it becomes a column of the history table. */
        public void log(String name, double value) {
            metrics.put(name, value);
        }
    }

    private final Optimizer optimizer;
    private final List<Parameter> parameters;
    private final Map<Parameter, String> names = new IdentityHashMap<>();
    private final History history = new History();
    private double maxNorm = Double.NaN;
    private Progress progress = Progress.AUTO;
    private String taskName = "train";
    private int every;
    private Consumer<History.Record> listener;
    private int step;

    /** Trains the optimiser's parameters; errors name parameters by {@link Parameter#path()}. */
    public Trainer(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.parameters = List.copyOf(optimizer.parameters());
        for (Parameter p : parameters) {
            names.put(p, p.path());
        }
    }

    /** Trains the optimiser's parameters; errors name them by their full names in {@code model}. */
    public Trainer(Module model, Optimizer optimizer) {
        this(optimizer);
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            names.put(e.getValue(), e.getKey());
        }
    }

    /** Clips the gradients to this global norm before each update (PyTorch's {@code clip_grad_norm_}). */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clipGradNorm: max norm must be positive, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
        return this;
    }

    public Trainer progress(Progress progress) {
        this.progress = progress;
        return this;
    }

    /** No progress bar, whatever the console. */
    public Trainer quiet() {
        return progress(Progress.OFF);
    }

    /** The label in front of the progress bar. */
    public Trainer name(String taskName) {
        this.taskName = taskName;
        return this;
    }

    /** Calls {@code listener} after every {@code every}-th step (and the last step of each {@link #fit}). */
    public Trainer onStep(int every, Consumer<History.Record> listener) {
        if (every < 1) {
            throw new IllegalArgumentException("onStep: every must be at least 1, got " + every);
        }
        this.every = every;
        this.listener = listener;
        return this;
    }

    public History history() {
        return history;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Steps completed so far. */
    public int stepsDone() {
        return step;
    }

    /** Runs {@code steps} training steps and returns the history (of every step so far). */
    public History fit(int steps, StepFunction function) {
        if (steps < 0) {
            throw new IllegalArgumentException("fit: steps must be >= 0, got " + steps);
        }
        ProgressBar bar = progress.enabled() ? bar(steps) : null;
        try {
            int last = step + steps;
            while (step < last) {
                History.Record r = runStep(step + 1, function);
                step++;
                if (bar != null) {
                    bar.setExtraMessage(String.format(" loss %.4f", r.loss()));
                    bar.step();
                }
                if (listener != null && (step % every == 0 || step == last)) {
                    listener.accept(r);
                }
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return history;
    }

    // tag::step[]
    private History.Record runStep(int number, StepFunction function) {
        optimizer.zeroGrad();
        StepContext context = new StepContext(number);
        double loss = function.run(context);
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(number, "loss", loss, "the loss is " + loss);
        }
        requireFiniteGradients(number);
        double norm = Double.isNaN(maxNorm) ? Clip.totalNorm(parameters) : Clip.gradNorm(parameters, maxNorm);
        optimizer.step();
        History.Record r = new History.Record(number, loss, norm, History.copyOf(context.metrics));
        history.add(r);
        return r;
    }
    // end::step[]

    private void requireFiniteGradients(int number) {
        for (Parameter p : parameters) {
            double[] g = p.grad().data();
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    int cols = p.grad().cols();
                    String name = names.get(p);
                    throw new TrainingDivergedException(number, name, g[i], "the gradient of " + name + " is "
                            + g[i] + " at entry (" + (i / cols) + ", " + (i % cols) + ")");
                }
            }
        }
    }

    private ProgressBar bar(int steps) {
        // an explicit consumer with a fixed width: the library then never probes the terminal
        return new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(steps)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
                .build();
    }
}
