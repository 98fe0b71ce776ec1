package rnnbook.chapters.ch10;

import java.util.List;

/**
 * A batch of token sequences of different lengths, padded to the longest and laid out by time as PyTorch's
 * (seq, batch): {@code ids[t][b]} is token t of row b, or {@code pad} where row b has ended
 * ({@code t >= lengths[b]}). {@code labels[b]} is row b's class.
 */
// tag::padded[]
public record Padded(int[][] ids, int[] lengths, int[] labels) {
    /** Pads {@code rows} (each at least one token) with {@code pad} to the longest. */
    public static Padded of(List<int[]> rows, int[] labels, int pad) {
        if (rows.isEmpty() || rows.size() != labels.length) {
            throw new IllegalArgumentException("Padded: need one label per row and at least one row, got "
                    + rows.size() + " rows and " + labels.length + " labels");
        }
        int longest = rows.stream().mapToInt(r -> r.length).max().getAsInt();
        int[][] ids = new int[longest][rows.size()];
        int[] lengths = new int[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            int[] row = rows.get(b);
            if (row.length == 0) {
                throw new IllegalArgumentException("Padded: row " + b + " has no tokens");
            }
            lengths[b] = row.length;
            for (int t = 0; t < longest; t++) {
                ids[t][b] = t < row.length ? row[t] : pad;   // past its end a row reads the pad id
            }
        }
        return new Padded(ids, lengths, labels.clone());
    }

    public int size() {
        return lengths.length;
    }
}
// end::padded[]
