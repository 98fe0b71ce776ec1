package rnnbook.viz;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Turns XChart's text outlines back into text. XChart fills the outline of each label; when a filled shape is
 * exactly the outline of a string one of the chart's {@link MeasuredFont}s laid out (upright or turned a quarter),
 * this writes that string with {@code drawString} at the same place, so an SVG canvas writes {@code <text>}. Any
 * other shape is filled as given.
 */
final class TextGraphics extends ForwardingGraphics {
    private static final double TOLERANCE = 0.01;
    private static final AffineTransform[] TURNS = {
        new AffineTransform(), AffineTransform.getQuadrantRotateInstance(-1), AffineTransform.getQuadrantRotateInstance(1)};

    private final List<MeasuredFont> fonts;
    private int texts;

    TextGraphics(Graphics2D g, List<MeasuredFont> fonts) {
        super(g);
        this.fonts = fonts;
    }

    /** How many outlines were written as text so far. */
    int texts() {
        return texts;
    }

    @Override
    public Graphics create() {
        return new TextGraphics((Graphics2D) g.create(), fonts);
    }

    @Override
    public void fill(Shape s) {
        if (s instanceof GeneralPath && drewAsText(s)) {
            texts++;
            return;
        }
        g.fill(s);
    }

    private boolean drewAsText(Shape s) {
        Rectangle2D sb = s.getBounds2D();
        for (MeasuredFont font : fonts) {
            java.awt.Font plain = font.plain();   // laying out with the plain font does not add to what was laid
            List<MeasuredFont.Laid> laid = font.laid();
            for (int i = laid.size() - 1; i >= 0; i--) {
                MeasuredFont.Laid l = laid.get(i);
                Shape outline = new TextLayout(l.text(), plain, l.frc()).getOutline(null);
                for (AffineTransform turn : TURNS) {
                    Shape turned = turn.createTransformedShape(outline);
                    Rectangle2D tb = turned.getBounds2D();
                    if (Math.abs(tb.getWidth() - sb.getWidth()) > TOLERANCE
                            || Math.abs(tb.getHeight() - sb.getHeight()) > TOLERANCE) {
                        continue;
                    }
                    AffineTransform at = AffineTransform.getTranslateInstance(sb.getX() - tb.getX(), sb.getY() - tb.getY());
                    at.concatenate(turn);
                    if (sameOutline(at.createTransformedShape(outline), s)) {
                        AffineTransform saved = g.getTransform();
                        java.awt.Font previous = g.getFont();
                        g.transform(at);
                        g.setFont(plain);
                        g.drawString(l.text(), 0f, 0f);
                        g.setFont(previous);
                        g.setTransform(saved);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether two shapes have the same path segments, point for point. */
    private static boolean sameOutline(Shape a, Shape b) {
        PathIterator pa = a.getPathIterator(null);
        PathIterator pb = b.getPathIterator(null);
        double[] ca = new double[6];
        double[] cb = new double[6];
        while (!pa.isDone() && !pb.isDone()) {
            int ta = pa.currentSegment(ca);
            if (ta != pb.currentSegment(cb)) {
                return false;
            }
            int n = ta == PathIterator.SEG_CUBICTO ? 6 : ta == PathIterator.SEG_QUADTO ? 4 : ta == PathIterator.SEG_CLOSE ? 0 : 2;
            for (int k = 0; k < n; k++) {
                if (Math.abs(ca[k] - cb[k]) > TOLERANCE) {
                    return false;
                }
            }
            pa.next();
            pb.next();
        }
        return pa.isDone() && pb.isDone();
    }
}
