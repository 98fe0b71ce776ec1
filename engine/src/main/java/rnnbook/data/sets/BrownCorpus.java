package rnnbook.data.sets;

import java.util.ArrayList;
import java.util.List;

/**
 * The Brown Corpus with its part-of-speech tags (set {@value #NAME}): 500 files {@code ca01} to {@code cr09}, the
 * second letter the genre ({@code a} press reportage ... {@code r} humour). Each non-blank line is one sentence of
 * {@code word/tag} tokens separated by spaces, for example {@code The/at jury/nn said/vbd ./.}. Tags are kept as
 * the corpus writes them, compounds included ({@code np-tl}: proper noun in a title; {@code *} marks negation).
 */
public final class BrownCorpus {
    public static final String NAME = "brown";

    private BrownCorpus() {
    }

    /** One token: the word as written, its tag. */
    public record TaggedWord(String word, String tag) {
    }

    /** One sentence: the file it is from, its genre letter, its tagged words. */
    public record TaggedSentence(String file, char genre, List<TaggedWord> words) {
    }

    /** Every sentence, from {@link Source#current()} (CI scale: the sample). */
    public static List<TaggedSentence> sentences() {
        return sentences(Source.current().open(NAME));
    }

    /** Every sentence, file by file in name order. */
    public static List<TaggedSentence> sentences(SetFiles files) {
        List<TaggedSentence> out = new ArrayList<>();
        for (String file : files.list("package/c[a-r][0-9][0-9]")) {
            String id = file.substring(file.lastIndexOf('/') + 1);
            String[] lines = files.text(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    out.add(new TaggedSentence(id, id.charAt(1), words(line, files, file, i + 1)));
                }
            }
        }
        if (out.isEmpty()) {
            throw DataSetException.empty(files, "sentence");
        }
        return out;
    }

    /** A line's tokens; the tag follows the last slash, so a word may hold slashes ("1/2/cd"). */
    private static List<TaggedWord> words(String line, SetFiles files, String file, int lineNumber) {
        List<TaggedWord> words = new ArrayList<>();
        for (String token : line.split("\\s+")) {
            int slash = token.lastIndexOf('/');
            if (slash <= 0 || slash == token.length() - 1) {
                throw DataSetException.badFile(files.set(), file, "line " + lineNumber + ": '" + token
                        + "' is not word/tag", null);
            }
            words.add(new TaggedWord(token.substring(0, slash), token.substring(slash + 1)));
        }
        return words;
    }
}
