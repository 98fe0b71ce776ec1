package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MathRendererTest {
    @TempDir
    Path work;

    private MathRenderer renderer() {
        return new MathRenderer(System.getProperty("katex.version"), work);
    }

    @Test
    void rendersInlineAndDisplayFormulas() {
        List<String> html = renderer().render(List.of(
                new MathRenderer.Formula("0.9^{2} x_1", false, "test"),
                new MathRenderer.Formula("h_t = \\tanh(W_{hh} h_{t-1})", true, "test")));
        assertEquals(2, html.size());
        assertTrue(html.get(0).startsWith("<span class=\"katex\">"), html.get(0));
        assertTrue(html.get(0).contains("<msup>"), "the MathML copy carries the superscript: " + html.get(0));
        assertTrue(html.get(1).contains("katex-display"), html.get(1));
        assertTrue(html.get(1).contains("tanh"), html.get(1));
    }

    @Test
    void aFormulaKatexRejectsFailsWithItsSourceAndPage() {
        var e = assertThrows(IllegalStateException.class, () -> renderer().render(List.of(
                new MathRenderer.Formula("x", false, "01-sequences.adoc"),
                new MathRenderer.Formula("\\frac{1", false, "02-the-cell.adoc"))));
        assertTrue(e.getMessage().contains("02-the-cell.adoc"), e.getMessage());
        assertTrue(e.getMessage().contains("\\frac{1"), e.getMessage());
        assertTrue(!e.getMessage().contains("01-sequences.adoc"), "only the bad formula is reported: " + e.getMessage());
    }
}
