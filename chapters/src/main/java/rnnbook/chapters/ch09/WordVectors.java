package rnnbook.chapters.ch09;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import rnnbook.tensor.Matrix;

/** What to do with a learned embedding table E (V, d): cosine neighbours, and a 2-D picture by PCA. */
public final class WordVectors {
    private WordVectors() {
    }

    /** cos(E[a], E[b]) = E[a] · E[b] / (|E[a]| |E[b]|), in [-1, 1]; 1 when the rows point the same way. */
    public static double cosine(Matrix table, int a, int b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < table.cols(); j++) {
            double x = table.get(a, j);
            double y = table.get(b, j);
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("cosine: row " + (na == 0 ? a : b) + " of the table is all zeros");
        }
        return dot / Math.sqrt(na * nb);
    }

    /** The {@code k} rows among {@code candidates} most similar to row {@code id} by cosine, itself left out. */
    public static List<Integer> nearest(Matrix table, int id, List<Integer> candidates, int k) {
        List<Integer> others = new ArrayList<>(candidates);
        others.remove(Integer.valueOf(id));
        others.sort(Comparator.comparingDouble((Integer o) -> -cosine(table, id, o)));
        return others.subList(0, Math.min(k, others.size()));
    }

    /**
     * The chosen rows projected on the first two principal axes: centre the rows (subtract their mean), take the
     * singular value decomposition X = U Σ Vᵀ (Commons Math), keep the first two columns of X · V = U Σ.
     * Returns (rows.size(), 2).
     */
    public static double[][] pca2(Matrix table, List<Integer> rows) {
        if (rows.size() < 2 || table.cols() < 2) {
            throw new IllegalArgumentException("pca2: need at least 2 rows of at least 2 columns, got "
                    + rows.size() + " rows of " + table.cols());
        }
        double[][] x = new double[rows.size()][table.cols()];
        for (int j = 0; j < table.cols(); j++) {
            double mean = 0;
            for (int r = 0; r < rows.size(); r++) {
                mean += table.get(rows.get(r), j) / rows.size();
            }
            for (int r = 0; r < rows.size(); r++) {
                x[r][j] = table.get(rows.get(r), j) - mean;
            }
        }
        RealMatrix centred = new Array2DRowRealMatrix(x, false);
        RealMatrix axes = new SingularValueDecomposition(centred).getV().getSubMatrix(0, table.cols() - 1, 0, 1);
        return centred.multiply(axes).getData();
    }
}
