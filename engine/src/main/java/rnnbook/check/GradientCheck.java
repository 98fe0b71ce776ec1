package rnnbook.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import rnnbook.nn.Parameter;

/**
 * Numerical gradient checking with central differences in double precision:
 * <pre>
 *   ∂L/∂θ_i ≈ (L(θ + ε e_i) - L(θ - ε e_i)) / (2 ε)
 * </pre>
 * compared with the analytic gradient a backward pass put in each parameter's {@code grad}. The error reported
 * per parameter is the relative error of the whole gradient, ‖a - n‖ / max(‖a‖ + ‖n‖, tiny), which stays
 * meaningful where single entries are near zero.
 *
 * <p>To check an input gradient too, wrap the input and its gradient as a {@link Parameter}.
 */
public final class GradientCheck {
    private GradientCheck() {
    }

    /** One parameter's comparison. */
    public record Entry(String name, double relativeError, double maxAbsDifference, int checked) {
    }

    /** Every parameter's comparison and the worst relative error among them. */
    public record Report(List<Entry> entries) {
        public double maxRelativeError() {
            return entries.stream().mapToDouble(Entry::relativeError).max().orElse(0);
        }

        public Entry worst() {
            return entries.stream().max((x, y) -> Double.compare(x.relativeError(), y.relativeError()))
                    .orElseThrow();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Entry e : entries) {
                sb.append(String.format("%-20s relative error %.3e  max |a - n| %.3e  (%d entries)%n",
                        e.name(), e.relativeError(), e.maxAbsDifference(), e.checked()));
            }
            return sb.toString();
        }
    }

    /**
     * Compares the analytic gradients already stored in each parameter's {@code grad} with central differences
     * of {@code loss}, which must recompute the loss from the parameters' current values (forward pass only).
     */
    public static Report check(List<Parameter> parameters, DoubleSupplier loss) {
        return check(parameters, loss, 1e-6);
    }

    public static Report check(List<Parameter> parameters, DoubleSupplier loss, double eps) {
        List<Entry> entries = new ArrayList<>();
        for (Parameter p : parameters) {
            double[] theta = p.value().data();
            double[] analytic = p.grad().data().clone();
            double diffSq = 0;
            double aSq = 0;
            double nSq = 0;
            double maxAbs = 0;
            for (int i = 0; i < theta.length; i++) {
                double saved = theta[i];
                theta[i] = saved + eps;
                double plus = loss.getAsDouble();
                theta[i] = saved - eps;
                double minus = loss.getAsDouble();
                theta[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double d = analytic[i] - numeric;
                diffSq += d * d;
                aSq += analytic[i] * analytic[i];
                nSq += numeric * numeric;
                maxAbs = Math.max(maxAbs, Math.abs(d));
            }
            double denominator = Math.max(Math.sqrt(aSq) + Math.sqrt(nSq), 1e-300);
            double rel = (aSq == 0 && nSq == 0) ? 0.0 : Math.sqrt(diffSq) / denominator;
            entries.add(new Entry(p.path(), rel, maxAbs, theta.length));
        }
        return new Report(entries);
    }
}
