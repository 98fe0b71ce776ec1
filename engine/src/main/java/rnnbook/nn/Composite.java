package rnnbook.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import rnnbook.io.Parameters;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A model made of named modules, as a PyTorch {@code nn.Module} with submodules. A subclass {@link #register}s
 * each part under a name in its constructor,
 * <pre>{@code
 *   this.encoder = register("encoder", Stacked.lstm(...));
 *   this.head = register("head", new Dense(...));
 * }</pre>
 * and then every parameter is named by its path, the part's name, a dot, and the part's own name for it
 * ({@code encoder.weight_ih_l0}, {@code head.bias}), exactly the keys of the same model's PyTorch
 * {@code state_dict}. Nothing is collected by hand: {@link #namedParameters()} walks the parts in order, a part that
 * is itself a {@code Composite} contributes its paths one level deeper, and each {@link Parameter} learns its
 * {@link Parameter#path()} so that messages about it (a gradient check, a diverged training step) name it in full.
 *
 * <p>The whole model is saved to and loaded from one file ({@link #save}, {@link #load}, through
 * {@link Parameters}: atomic, and a mismatch names every path with both shapes before anything changes), and
 * {@link #summary()} lists every parameter with its shape and size, as a table a notebook can show.
 */
public abstract class Composite implements Module {
    private final Map<String, Module> parts = new LinkedHashMap<>();

    /**
     * Adds {@code part} under {@code name} and returns it. Names are non-empty, unique within this model and have no
     * dot (the dot separates the levels of a path).
     */
    protected final <M extends Module> M register(String name, M part) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": a part's name must be non-empty and"
                    + " have no dot, got \"" + name + "\"");
        }
        if (part == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": part " + name + " is null");
        }
        if (parts.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " already has a part named " + name);
        }
        parts.put(name, part);
        gather();   // checks that no two paths coincide and tells every parameter its path
        return part;
    }

    /** The parts in the order they were registered, by name (read-only). */
    public Map<String, Module> parts() {
        return Collections.unmodifiableMap(parts);
    }

    /** The part registered under {@code name}; an error listing the names there are otherwise. */
    public Module part(String name) {
        Module m = parts.get(name);
        if (m == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no part named " + name
                    + "; its parts are " + parts.keySet());
        }
        return m;
    }

    /** Every parameter by its path ({@code part.name}), parts in registration order. */
    @Override
    public Map<String, Parameter> namedParameters() {
        return gather();
    }

    private Map<String, Parameter> gather() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : parts.entrySet()) {
            Module.addAll(all, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Parameter> e : all.entrySet()) {
            e.getValue().placeAt(e.getKey());
        }
        return all;
    }

    /** The parameter at {@code path} (e.g. {@code decoder.weight_ih_l0}); an error listing the paths otherwise. */
    public Parameter parameter(String path) {
        Map<String, Parameter> all = namedParameters();
        Parameter p = all.get(path);
        if (p == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter " + path
                    + "; its parameters are " + all.keySet());
        }
        return p;
    }

    /**
     * One row per parameter, in order: its path, its shape (rows, cols) and its number of entries, then a row
     * "total" with the sum; PyTorch users know this from {@code print(model)} and torchinfo's summary. In a
     * notebook {@code model.summary().print()} shows it as text.
     */
    public Table summary() {
        StringColumn name = StringColumn.create("parameter");
        StringColumn shape = StringColumn.create("shape");
        IntColumn count = IntColumn.create("count");
        long total = 0;
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            name.append(e.getKey());
            shape.append(e.getValue().value().shape());
            count.append(e.getValue().size());
            total += e.getValue().size();
        }
        name.append("total");
        shape.append("");
        count.append(Math.toIntExact(total));
        return Table.create(getClass().getSimpleName(), name, shape, count);
    }

    /** Writes every parameter to {@code file} under its path, atomically ({@link Parameters#save}). */
    public void save(Path file) throws IOException {
        Parameters.save(file, this);
    }

    /**
     * Reads {@code file} into this model by path; nothing changes unless every path is there with the right shape
     * ({@link Parameters#load}, whose error names each missing, unexpected or misshapen path with both shapes).
     */
    public void load(Path file) throws IOException {
        Parameters.load(file, this);
    }
}
