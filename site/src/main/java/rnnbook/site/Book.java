package rnnbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The book's outline as the concept map ({@code ../shared/CONCEPTS.md}) defines it: parts, their chapters in
 * order, and the concept ids each chapter must teach. The map is the one source of the outline, so the navigation
 * lists chapters before they are written and the coverage check holds every chapter to its ids.
 */
public record Book(List<Part> parts) {

    /** A part of the book, e.g. "I. The recurrent cell". */
    public record Part(String numeral, String title, List<Chapter> chapters) {
        public String label() {
            return numeral + ". " + title;
        }
    }

    /** A chapter: slug {@code NN-name} (file names of page, notebook and exercises) and its concept ids. */
    public record Chapter(String slug, int number, String partNumeral, List<String> ids) {
        /** A readable title for a chapter not written yet: {@code 08-deep-and-bidirectional} gives "Deep and bidirectional". */
        public String provisionalTitle() {
            String words = slug.substring(slug.indexOf('-') + 1).replace('-', ' ');
            StringBuilder sb = new StringBuilder();
            for (String w : words.split(" ")) {
                String shown = ACRONYMS.getOrDefault(w, w);
                sb.append(sb.length() == 0 ? Character.toUpperCase(shown.charAt(0)) + shown.substring(1) : " " + shown);
            }
            return sb.toString();
        }

        public String page() {
            return slug + ".html";
        }
    }

    private static final Map<String, String> ACRONYMS = Map.of("lstm", "LSTM", "gru", "GRU", "rnn", "RNN");
    private static final Pattern SLUG = Pattern.compile("(\\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern PART = Pattern.compile("([IVXLC]+)\\.\\s+(.+)");

    /** Every chapter, in book order. */
    public List<Chapter> chapters() {
        return parts.stream().flatMap(p -> p.chapters().stream()).toList();
    }

    public Optional<Chapter> chapter(String slug) {
        return chapters().stream().filter(c -> c.slug().equals(slug)).findFirst();
    }

    public static Book read(Path conceptsMd) {
        try {
            return parse(Files.readString(conceptsMd));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the concept map " + conceptsMd
                    + " (the repository keeps a copy of ../shared/CONCEPTS.md at chapters/CONCEPTS.md)", e);
        }
    }

    /**
     * Reads the table under the heading {@code ## Chapters}: rows {@code | part | chapter | ids |}, where an empty
     * part cell continues the part above.
     */
    public static Book parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        int start = lines.indexOf("## Chapters");
        if (start < 0) {
            throw new IllegalArgumentException("the concept map has no '## Chapters' heading");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        Part current = null;
        boolean header = true;
        for (String line : lines.subList(start + 1, lines.size())) {
            String t = line.trim();
            if (t.startsWith("## ")) {
                break;
            }
            if (!t.startsWith("|")) {
                continue;
            }
            if (header) { // the column names row
                header = false;
                continue;
            }
            if (t.matches("\\|[-|: ]+\\|?")) {
                continue;
            }
            String[] cells = t.substring(1, t.endsWith("|") ? t.length() - 1 : t.length()).split("\\|", -1);
            if (cells.length != 3) {
                throw new IllegalArgumentException("chapter table row must have 3 cells (part | chapter | ids), got: " + t);
            }
            String partCell = cells[0].trim();
            if (!partCell.isEmpty()) {
                Matcher m = PART.matcher(partCell);
                if (!m.matches()) {
                    throw new IllegalArgumentException("part must look like 'I. Title', got: " + partCell);
                }
                current = new Part(m.group(1), m.group(2).trim(), new ArrayList<>());
                parts.put(current.numeral(), current);
            }
            if (current == null) {
                throw new IllegalArgumentException("first chapter row names no part: " + t);
            }
            String slug = cells[1].trim();
            Matcher s = SLUG.matcher(slug);
            if (!s.matches()) {
                throw new IllegalArgumentException("chapter must be a slug like 01-sequences, got: " + slug);
            }
            List<String> ids = Arrays.stream(cells[2].split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .map(x -> x.toLowerCase(Locale.ROOT)).toList();
            current.chapters().add(new Chapter(slug, Integer.parseInt(s.group(1)), current.numeral(), ids));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("the concept map's chapter table is empty");
        }
        return new Book(parts.values().stream()
                .map(p -> new Part(p.numeral(), p.title(), List.copyOf(p.chapters()))).toList());
    }
}
