package rnnbook.chapters.ch13;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.jfree.svg.SVGGraphics2D;
import rnnbook.tensor.Matrix;

/**
 * Chapter 13's synthetic pictures: one shape (circle, square, triangle) of one colour and size in one corner of a
 * 64 x 64 canvas, drawn with Java2D, its true caption ("a large red circle at the top left"), and the fixed pixel
 * features a captioner reads. No network learns the features: they are colour averages over an 8 x 8 grid of
 * cells plus five numbers about the ink's bounding box, a stand-in for the CNN of Show and Tell.
 */
public final class Scenes {
    public static final int SIDE = 64;
    public static final int GRID = 8;
    public static final List<String> SHAPES = List.of("circle", "square", "triangle");
    public static final List<String> COLOURS = List.of("red", "green", "blue", "yellow");
    public static final List<String> SIZES = List.of("small", "large");
    public static final List<String> ROWS = List.of("top", "bottom");
    public static final List<String> COLUMNS = List.of("left", "right");
    private static final Map<String, Color> PAINT = Map.of("red", new Color(220, 40, 40), "green",
            new Color(30, 160, 60), "blue", new Color(40, 80, 220), "yellow", new Color(230, 200, 20));

    private Scenes() {
    }

    /** One picture: what is drawn, and where (dx, dy: a small shift of the shape inside its corner, in pixels). */
    public record Scene(String shape, String colour, String size, String row, String column, int dx, int dy) {
        public Scene {
            require(SHAPES, shape, "shape");
            require(COLOURS, colour, "colour");
            require(SIZES, size, "size");
            require(ROWS, row, "row");
            require(COLUMNS, column, "column");
        }

        /** The true caption, eight words. */
        public String caption() {
            return "a " + size + " " + colour + " " + shape + " at the " + row + " " + column;
        }

        /** The shape-and-colour pair, e.g. "blue triangle". */
        public String pair() {
            return colour + " " + shape;
        }
    }

    private static void require(List<String> known, String value, String what) {
        if (!known.contains(value)) {
            throw new IllegalArgumentException("unknown " + what + " '" + value + "'; known: " + known);
        }
    }

    /** {@code n} random scenes whose shape-and-colour pair passes {@code keep}. */
    public static List<Scene> random(int n, Random rng, Predicate<Scene> keep) {
        List<Scene> out = new ArrayList<>();
        while (out.size() < n) {
            Scene s = new Scene(pick(SHAPES, rng), pick(COLOURS, rng), pick(SIZES, rng), pick(ROWS, rng),
                    pick(COLUMNS, rng), rng.nextInt(7) - 3, rng.nextInt(7) - 3);
            if (keep.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Scenes whose pair is in {@code pairs} ("blue triangle", ...) or, with {@code inside} false, is not. */
    public static Predicate<Scene> pairs(Set<String> pairs, boolean inside) {
        return s -> pairs.contains(s.pair()) == inside;
    }

    private static String pick(List<String> options, Random rng) {
        return options.get(rng.nextInt(options.size()));
    }

    /** Draws {@code s} on {@code g} in a SIDE x SIDE square at the origin: white ground, one filled shape. */
    public static void draw(Scene s, Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIDE, SIDE);
        int d = s.size().equals("small") ? 18 : 30;
        int cx = (s.column().equals("left") ? SIDE / 4 : 3 * SIDE / 4) + s.dx();
        int cy = (s.row().equals("top") ? SIDE / 4 : 3 * SIDE / 4) + s.dy();
        int x = cx - d / 2;
        int y = cy - d / 2;
        g.setColor(PAINT.get(s.colour()));
        switch (s.shape()) {
            case "circle" -> g.fillOval(x, y, d, d);
            case "square" -> g.fillRect(x, y, d, d);
            default -> g.fillPolygon(new Polygon(new int[] {x, x + d, cx}, new int[] {y + d, y + d, y}, 3));
        }
    }

    /** The scene as pixels. */
    public static BufferedImage image(Scene s) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        draw(s, g);
        g.dispose();
        return img;
    }

    // tag::features[]
    /**
     * The fixed feature vector of a square picture, 3 * 8 * 8 + 5 = 197 numbers: the mean "ink" 1 - value of red,
     * green and blue in every cell of an 8 x 8 grid (where the colour is), then the ink's bounding box (centre
     * x and y, width and height, as fractions of the side) and its fill ratio, inked pixels over box area
     * (about 1 for a square, pi/4 for a circle, 1/2 for a triangle: what the shape is).
     */
    public static double[] features(BufferedImage img) {
        int side = img.getWidth();
        int grid = 8;
        int cell = side / grid;
        double[] f = new double[3 * grid * grid + 5];
        int minX = side, minY = side, maxX = -1, maxY = -1, inked = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int rgb = img.getRGB(x, y);
                double[] ink = {1 - ((rgb >> 16) & 255) / 255.0, 1 - ((rgb >> 8) & 255) / 255.0, 1 - (rgb & 255) / 255.0};
                int c = (y / cell) * grid + x / cell;
                for (int k = 0; k < 3; k++) {
                    f[3 * c + k] += ink[k] / (cell * cell);
                }
                if (ink[0] + ink[1] + ink[2] > 0.3) {
                    inked++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        int at = 3 * grid * grid;
        if (inked > 0) {
            double w = maxX - minX + 1;
            double h = maxY - minY + 1;
            f[at] = (minX + maxX) / 2.0 / side;
            f[at + 1] = (minY + maxY) / 2.0 / side;
            f[at + 2] = w / side;
            f[at + 3] = h / side;
            f[at + 4] = inked / (w * h);
        }
        return f;
    }
    // end::features[]

    /** The features of many scenes, one row each: (scenes, 197). */
    public static Matrix featureMatrix(List<Scene> scenes) {
        Matrix m = Matrix.zeros(scenes.size(), 3 * GRID * GRID + 5);
        for (int i = 0; i < scenes.size(); i++) {
            double[] f = features(image(scenes.get(i)));
            System.arraycopy(f, 0, m.data(), i * m.cols(), f.length);
        }
        return m;
    }

    /** A contact sheet: the scenes side by side, each numbered under it (drawn at twice the size). */
    public static BufferedImage sheet(List<Scene> scenes) {
        BufferedImage img = new BufferedImage(2 * sheetWidth(scenes), 2 * (SIDE + 26), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.scale(2, 2);
        paintSheet(scenes, g, GAP);
        g.dispose();
        return img;
    }

    /** The same sheet as an SVG document: the shapes as vectors, the numbers as text. */
    public static String sheetSvg(List<Scene> scenes) {
        // drawn at twice the pixel size: a sheet of three 64-pixel pictures would otherwise be a third of a phone's
        // width, and an SVG with fixed dimensions is never enlarged, only shrunk to fit
        SVGGraphics2D svg = new SVGGraphics2D(2 * sheetWidth(scenes), 2 * (SIDE + 26));
        svg.scale(2, 2);
        paintSheet(scenes, svg, GAP);
        return svg.getSVGDocument();
    }

    private static final int GAP = 12;

    private static int sheetWidth(List<Scene> scenes) {
        return scenes.size() * (SIDE + GAP) - GAP + 2;
    }

    private static void paintSheet(List<Scene> scenes, Graphics2D g, int gap) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, scenes.size() * (SIDE + gap) + 2, SIDE + 26);
        for (int i = 0; i < scenes.size(); i++) {
            Graphics2D cell = (Graphics2D) g.create();
            cell.translate(1 + i * (SIDE + gap), 1);
            draw(scenes.get(i), cell);
            cell.setColor(Color.GRAY);
            cell.setStroke(new BasicStroke(1));
            cell.drawRect(0, 0, SIDE, SIDE);
            cell.setColor(Color.BLACK);
            cell.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            String label = String.valueOf(i + 1);
            cell.drawString(label, SIDE / 2 - cell.getFontMetrics().stringWidth(label) / 2, SIDE + 20);
            cell.dispose();
        }
    }
}
