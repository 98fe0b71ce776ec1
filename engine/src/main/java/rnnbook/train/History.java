package rnnbook.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened at every training step: the step number (1-based), the loss, the global gradient norm before
 * clipping, and any metrics the step function logged. {@link #toTable()} turns it into a Tablesaw table with
 * columns {@code step}, {@code loss}, {@code grad_norm} and one column per metric (missing where a step did not
 * log it).
 */
public final class History {

    /** One step's record. */
    public record Record(int step, double loss, double gradNorm, Map<String, Double> metrics) {
    }

    private final List<Record> records = new ArrayList<>();
    private final Set<String> metricNames = new LinkedHashSet<>();

    void add(Record r) {
        records.add(r);
        metricNames.addAll(r.metrics().keySet());
    }

    public int size() {
        return records.size();
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public List<Record> records() {
        return Collections.unmodifiableList(records);
    }

    public Record last() {
        if (records.isEmpty()) {
            throw new IllegalStateException("the history is empty: no step has run yet");
        }
        return records.get(records.size() - 1);
    }

    public int[] steps() {
        return records.stream().mapToInt(Record::step).toArray();
    }

    public double[] losses() {
        return records.stream().mapToDouble(Record::loss).toArray();
    }

    public double[] gradNorms() {
        return records.stream().mapToDouble(Record::gradNorm).toArray();
    }

    /** A logged metric at every step, NaN where a step did not log it. */
    public double[] metric(String name) {
        if (!metricNames.contains(name)) {
            throw new IllegalArgumentException("no metric named " + name + "; logged metrics: " + metricNames);
        }
        return records.stream().mapToDouble(r -> r.metrics().getOrDefault(name, Double.NaN)).toArray();
    }

    /** The mean loss over records {@code from} (inclusive) to {@code to} (exclusive), by position. */
    public double meanLoss(int from, int to) {
        if (from < 0 || to > records.size() || from >= to) {
            throw new IllegalArgumentException("meanLoss: range [" + from + ", " + to + ") is empty or outside the "
                    + records.size() + " records");
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += records.get(i).loss();
        }
        return s / (to - from);
    }

    /** The loss smoothed by a trailing moving average of {@code window} steps (shorter at the start). */
    public double[] smoothedLosses(int window) {
        double[] loss = losses();
        double[] out = new double[loss.length];
        double sum = 0;
        for (int i = 0; i < loss.length; i++) {
            sum += loss[i];
            if (i >= window) {
                sum -= loss[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    public Table toTable() {
        return toTable("history");
    }

    public Table toTable(String name) {
        Table t = Table.create(name, IntColumn.create("step", steps()), DoubleColumn.create("loss", losses()),
                DoubleColumn.create("grad_norm", gradNorms()));
        for (String m : metricNames) {
            DoubleColumn c = DoubleColumn.create(m);
            for (Record r : records) {
                Double v = r.metrics().get(m);
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(v);
                }
            }
            t.addColumns(c);
        }
        return t;
    }

    static Map<String, Double> copyOf(Map<String, Double> metrics) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
