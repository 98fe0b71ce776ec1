package rnnbook.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anything that owns parameters. Names follow PyTorch's {@code state_dict} keys, so a file written from PyTorch
 * and converted to the engine's format loads by name.
 */
public interface Module {

    /** Parameters in a fixed order, keyed by their full PyTorch-style name. */
    Map<String, Parameter> namedParameters();

    default List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    default void zeroGrad() {
        for (Parameter p : namedParameters().values()) {
            p.zeroGrad();
        }
    }

    /** The number of learnable scalars. */
    default long parameterCount() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.size();
        }
        return n;
    }

    /** Builds an ordered name map from parameters, each under its own name. */
    static Map<String, Parameter> named(Parameter... ps) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        for (Parameter p : ps) {
            if (m.put(p.name(), p) != null) {
                throw new IllegalArgumentException("two parameters named " + p.name());
            }
        }
        return m;
    }

    /** Merges children's names into one map, each child's names prefixed by {@code prefix.} when non-empty. */
    static void addAll(Map<String, Parameter> into, String prefix, Module child) {
        for (Map.Entry<String, Parameter> e : child.namedParameters().entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (into.put(key, e.getValue()) != null) {
                throw new IllegalArgumentException("two parameters named " + key);
            }
        }
    }
}
