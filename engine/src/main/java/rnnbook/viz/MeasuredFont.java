package rnnbook.viz;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A font that remembers every string laid out with it. XChart draws text by filling the outline of a
 * {@code TextLayout}, which loses the characters; a {@code TextLayout} asks its font for line metrics first, so
 * this font learns which strings may come back as outlines, and {@link TextGraphics} can write them as text.
 */
final class MeasuredFont extends Font {
    private static final long serialVersionUID = 1L;

    /** A string laid out with this font, and the rendering context it was laid out for. */
    record Laid(String text, FontRenderContext frc) {
    }

    private final transient List<Laid> laid = new ArrayList<>();

    MeasuredFont(Font font) {
        super(font.getAttributes());
    }

    /** The same font without the memory. */
    Font plain() {
        return new Font(getAttributes());
    }

    /** What was laid out so far, newest last. */
    List<Laid> laid() {
        return laid;
    }

    @Override
    public LineMetrics getLineMetrics(char[] chars, int beginIndex, int limit, FontRenderContext frc) {
        remember(new String(chars, beginIndex, limit - beginIndex), frc);
        return super.getLineMetrics(chars, beginIndex, limit, frc);
    }

    @Override
    public LineMetrics getLineMetrics(String str, FontRenderContext frc) {
        remember(str, frc);
        return super.getLineMetrics(str, frc);
    }

    private void remember(String text, FontRenderContext frc) {
        if (!text.isBlank() && laid.stream().noneMatch(l -> l.text().equals(text) && l.frc().equals(frc))) {
            laid.add(new Laid(text, frc));
        }
    }
}
