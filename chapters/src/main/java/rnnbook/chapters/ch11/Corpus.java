package rnnbook.chapters.ch11;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rnnbook.data.sets.BrownCorpus;
import rnnbook.data.sets.Manifest;
import rnnbook.data.sets.SetFiles;
import rnnbook.data.sets.Source;

/**
 * Chapter 11's data: Brown Corpus sentences with their tags mapped to the universal set. At CI scale it reads the
 * chapter's own sample (20 sentences of the first file of each of the 15 genres, 300 sentences, written by
 * {@code chapters/src/test/python/make_brown_sample.py}): the engine's six-sentence sample is too small to learn from.
 */
public final class Corpus {
    private Corpus() {
    }

    /** A sentence's words as written and their universal tags (indices into {@link UniversalTags#TAGS}). */
    public record Sentence(List<String> words, int[] tags) {
        public Sentence {
            if (words.isEmpty()) {
                throw new IllegalArgumentException("Sentence: an empty sentence has no words to tag");
            }
            if (words.size() != tags.length) {
                throw new IllegalArgumentException("Sentence: " + words.size() + " words but " + tags.length
                        + " tags");
            }
            words = List.copyOf(words);
            tags = tags.clone();
        }

        public int length() {
            return tags.length;
        }
    }

    /** Every Brown sentence with universal tags: the chapter's sample at CI scale, the whole corpus at full scale. */
    public static List<Sentence> brown() {
        return universal(BrownCorpus.sentences(files()));
    }

    /** The Brown files to read: the chapter's sample at CI scale, the fetched corpus at full scale. */
    public static SetFiles files() {
        return Source.current() == Source.SAMPLES ? chapterSample() : Source.CACHE.open(BrownCorpus.NAME);
    }

    /** The loader's sentences with each Brown tag replaced by its universal tag. */
    public static List<Sentence> universal(List<BrownCorpus.TaggedSentence> sentences) {
        List<Sentence> out = new ArrayList<>(sentences.size());
        for (BrownCorpus.TaggedSentence s : sentences) {
            List<String> words = new ArrayList<>();
            int[] tags = new int[s.words().size()];
            for (int i = 0; i < tags.length; i++) {
                words.add(s.words().get(i).word());
                tags[i] = UniversalTags.index(UniversalTags.universal(s.words().get(i).tag()));
            }
            out.add(new Sentence(words, tags));
        }
        return out;
    }

    /** The sample under {@code rnnbook/chapters/ch11/brown-sample} (a folder or inside the chapters jar). */
    static SetFiles chapterSample() {
        Path root = Source.resourceFolder(Corpus.class, "brown-sample").orElseThrow(() -> new IllegalStateException(
                "chapter 11's Brown sample (rnnbook/chapters/ch11/brown-sample) is not on the classpath: build the"
                        + " chapters module"));
        return new SetFiles(Manifest.book().get(BrownCorpus.NAME), root);
    }
}
