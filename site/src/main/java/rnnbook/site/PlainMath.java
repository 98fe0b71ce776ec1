package rnnbook.site;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeX in running text made readable as plain text, for search results: {@code \(\tanh(W_{hh} h_{t-1})\)} becomes
 * {@code tanh(W_hh h_t-1)}. Delimiters go, common commands become their symbols, braces and spacing commands go.
 */
final class PlainMath {
    private static final Pattern INLINE = Pattern.compile("\\\\\\((.+?)\\\\\\)|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)\\s*");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("Delta", "Δ"), Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("Sigma", "Σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"),
            Map.entry("omega", "ω"), Map.entry("sum", "Σ"), Map.entry("prod", "Π"), Map.entry("partial", "∂"),
            Map.entry("nabla", "∇"), Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("odot", "⊙"),
            Map.entry("approx", "≈"), Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"),
            Map.entry("geq", "≥"), Map.entry("neq", "≠"), Map.entry("to", "→"), Map.entry("rightarrow", "→"),
            Map.entry("infty", "∞"), Map.entry("in", "∈"), Map.entry("ldots", "…"), Map.entry("dots", "…"),
            Map.entry("cdots", "⋯"), Map.entry("sqrt", "√"), Map.entry("lVert", "‖"), Map.entry("rVert", "‖"),
            Map.entry("Vert", "‖"), Map.entry("top", "ᵀ"), Map.entry("pm", "±"), Map.entry("log", "log"),
            Map.entry("ln", "ln"), Map.entry("exp", "exp"), Map.entry("tanh", "tanh"), Map.entry("max", "max"),
            Map.entry("min", "min"));

    private PlainMath() {
    }

    /** The text with every {@code \(..\)} and {@code \[..\]} replaced by a plain rendering of its TeX. */
    static String of(String text) {
        Matcher m = INLINE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(tex(m.group(1) != null ? m.group(1) : m.group(2))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** One formula's TeX as plain text. */
    static String tex(String tex) {
        String s = tex.replaceAll("\\\\(left|right|big|Big|bigg|Bigg)(?![A-Za-z])", "")
                .replaceAll("\\\\[,;:! ]", " ")
                .replaceAll("\\\\[dt]?frac\\{([^{}]*)\\}\\{([^{}]*)\\}", "$1/$2")
                .replaceAll("\\\\(mathbf|mathrm|mathit|boldsymbol|operatorname|text|textrm|mathcal|hat|tilde|bar)\\s*", "");
        Matcher m = COMMAND.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String symbol = SYMBOLS.getOrDefault(m.group(1), m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(symbol + (m.group().endsWith(" ") && symbol.matches("[a-z]+") ? " " : "")));
        }
        m.appendTail(sb);
        return sb.toString().replace("\\{", "{").replace("\\}", "}").replaceAll("[{}]", "")
                .replace("\\", "").replaceAll("\\s+", " ").strip();
    }
}
