package rnnbook.chapters.ch12;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rnnbook.seq2seq.Seq2Seq;

/**
 * The tokens one side of an encoder-decoder reads or writes: ids 0, 1 and 2 are padding, start and end
 * ({@link #TOKENS}), then every symbol in sorted order. A symbol outside the table is an error naming the
 * sequence, the symbol and its position: an encoder has no row of its embedding for it.
 */
public final class Symbols {
    /** The special ids every table of this chapter uses: padding 0, start 1, end 2. */
    public static final Seq2Seq.Tokens TOKENS = new Seq2Seq.Tokens(0, 1, 2);
    private static final int SPECIALS = 3;

    private final String what;
    private final List<String> symbols;
    private final Map<String, Integer> ids = new HashMap<>();

    /** A table named {@code what} ("letters", "phonemes") of the distinct {@code symbols}. */
    public Symbols(String what, Collection<String> symbols) {
        this.what = what;
        this.symbols = new ArrayList<>(new TreeSet<>(symbols));
        for (int i = 0; i < this.symbols.size(); i++) {
            ids.put(this.symbols.get(i), SPECIALS + i);
        }
    }

    /** Rows of the embedding table: the symbols and the three special tokens. */
    public int size() {
        return SPECIALS + symbols.size();
    }

    /** The ids of {@code sequence} (no start or end token). */
    public int[] encode(List<String> sequence) {
        int[] out = new int[sequence.size()];
        for (int i = 0; i < out.length; i++) {
            Integer id = ids.get(sequence.get(i));
            if (id == null) {
                throw new IllegalArgumentException("'" + String.join(what.equals("letters") ? "" : " ", sequence)
                        + "' has '" + sequence.get(i) + "' at position " + i + ", which is not one of the "
                        + symbols.size() + " " + what + " the model knows (" + String.join(" ", symbols) + ")");
            }
            out[i] = id;
        }
        return out;
    }

    /** The symbols of {@code idSequence}; a special id shows as {@code <pad>}, {@code <s>}, {@code </s>}. */
    public List<String> decode(int[] idSequence) {
        List<String> out = new ArrayList<>();
        for (int id : idSequence) {
            out.add(symbol(id));
        }
        return out;
    }

    public String symbol(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("id " + id + " is not one of the " + size() + " ids of the " + what);
        }
        return id < SPECIALS ? List.of("<pad>", "<s>", "</s>").get(id) : symbols.get(id - SPECIALS);
    }
}
