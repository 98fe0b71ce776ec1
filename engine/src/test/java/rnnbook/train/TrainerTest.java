package rnnbook.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rnnbook.nn.Module;
import rnnbook.nn.Parameter;
import rnnbook.optim.Sgd;
import rnnbook.tensor.Matrix;
import tech.tablesaw.api.Table;

class TrainerTest {

    /** L = ½ (θ - 3)², dL/dθ = θ - 3; the step function adds the gradient, the trainer must zero it first. */
    private static double quadratic(Parameter theta) {
        double d = theta.value().get(0, 0) - 3;
        theta.grad().data()[0] += d;
        return 0.5 * d * d;
    }

    /**
     * θ = 0: loss 4.5, gradient -3, norm 3; clipped to norm 1 it is -3 / (3 + 1e-6); SGD with lr 0.5 gives
     * θ = 1.5 / 3.000001. Step 2: gradient θ - 3, its norm recorded before clipping.
     */
    @Test
    void recordsLossAndPreClipNormAndUpdatesByHand() {
        Parameter theta = new Parameter("theta", Matrix.row(0.0));
        Trainer trainer = new Trainer(new Sgd(List.of(theta), 0.5)).clipGradNorm(1.0).quiet();
        History h = trainer.fit(2, step -> quadratic(theta));
        double theta1 = 1.5 / 3.000001;
        assertEquals(2, h.size());
        assertEquals(1, h.records().get(0).step());
        assertEquals(4.5, h.records().get(0).loss(), 0);
        assertEquals(3.0, h.records().get(0).gradNorm(), 0);
        assertEquals(0.5 * (theta1 - 3) * (theta1 - 3), h.records().get(1).loss(), 1e-15);
        assertEquals(3 - theta1, h.records().get(1).gradNorm(), 1e-15);
        double theta2 = theta1 + 0.5 * (3 - theta1) / (3 - theta1 + 1e-6);
        assertEquals(theta2, theta.value().get(0, 0), 1e-15);
    }

    @Test
    void nanLossStopsNamingTheStepBeforeUpdating() {
        Parameter theta = new Parameter("theta", Matrix.row(0.0));
        Trainer trainer = new Trainer(new Sgd(List.of(theta), 0.1)).quiet();
        double[] before = new double[1];
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(5, step -> {
            double loss = quadratic(theta);
            before[0] = theta.value().get(0, 0);
            return step.step() == 3 ? Double.NaN : loss;
        }));
        assertEquals(3, e.step());
        assertEquals("loss", e.where());
        assertTrue(e.getMessage().startsWith("training diverged at step 3: the loss is NaN"), e.getMessage());
        assertEquals(2, trainer.history().size());
        assertEquals(before[0], theta.value().get(0, 0), 0, "no update at the failing step");
    }

    @Test
    void infiniteGradientNamesTheParameterByItsModelName() {
        Parameter w = new Parameter("weight", Matrix.zeros(2, 2));
        Module model = () -> Map.of("decoder.weight", w);
        Trainer trainer = new Trainer(model, new Sgd(List.of(w), 0.1)).quiet();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(3, step -> {
            if (step.step() == 2) {
                w.grad().set(1, 0, Double.POSITIVE_INFINITY);
            }
            return 1.0;
        }));
        assertEquals(2, e.step());
        assertEquals("decoder.weight", e.where());
        assertTrue(e.getMessage().contains("the gradient of decoder.weight is Infinity at entry (1, 0)"),
                e.getMessage());
    }

    @Test
    void historyBecomesATableWithMetricColumnsAndStepsKeepCounting() {
        Parameter theta = new Parameter("theta", Matrix.row(0.0));
        Trainer trainer = new Trainer(new Sgd(List.of(theta), 0.1)).quiet();
        trainer.fit(2, step -> {
            if (step.step() == 2) {
                step.log("accuracy", 0.75);
            }
            return quadratic(theta);
        });
        trainer.fit(1, step -> quadratic(theta));
        Table t = trainer.history().toTable();
        assertEquals(List.of("step", "loss", "grad_norm", "accuracy"), t.columnNames());
        assertEquals(3, t.rowCount());
        assertEquals(3, t.intColumn("step").get(2));
        assertTrue(t.doubleColumn("accuracy").isMissing(0));
        assertEquals(0.75, t.doubleColumn("accuracy").get(1));
        assertEquals(4.5, t.doubleColumn("loss").get(0));
    }

    @Test
    void listenerRunsEveryNStepsAndAtTheEnd() {
        Parameter theta = new Parameter("theta", Matrix.row(0.0));
        List<Integer> seen = new ArrayList<>();
        new Trainer(new Sgd(List.of(theta), 0.1)).quiet().onStep(2, r -> seen.add(r.step()))
                .fit(5, step -> quadratic(theta));
        assertEquals(List.of(2, 4, 5), seen);
    }

    @Test
    void progressBarGoesToStandardErrorOnlyWhenOn() {
        Parameter theta = new Parameter("theta", Matrix.row(0.0));
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new Trainer(new Sgd(List.of(theta), 0.1)).progress(Progress.OFF).fit(3, step -> quadratic(theta));
            assertEquals("", captured.toString(StandardCharsets.UTF_8));
            new Trainer(new Sgd(List.of(theta), 0.1)).progress(Progress.ON).name("quadratic")
                    .fit(3, step -> quadratic(theta));
        } finally {
            System.setErr(saved);
        }
        String bar = captured.toString(StandardCharsets.UTF_8);
        assertTrue(bar.contains("quadratic") && bar.contains("3/3"), bar);
    }
}
