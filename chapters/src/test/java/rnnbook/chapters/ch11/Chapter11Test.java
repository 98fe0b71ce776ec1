package rnnbook.chapters.ch11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.data.sets.BrownCorpus;
import rnnbook.data.sets.Split;

class Chapter11Test {

    private static Corpus.Sentence sentence(String... wordSlashTag) {
        List<String> words = new ArrayList<>();
        int[] tags = new int[wordSlashTag.length];
        for (int i = 0; i < tags.length; i++) {
            String[] parts = wordSlashTag[i].split("/");
            words.add(parts[0]);
            tags[i] = UniversalTags.index(parts[1]);
        }
        return new Corpus.Sentence(words, tags);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void compoundBrownTagsMapByTheirParts() {
        assertEquals("NOUN", UniversalTags.universal("np-tl"));       // proper noun in a title
        assertEquals("NOUN", UniversalTags.universal("nn-tl-hl"));    // title mark inside a headline mark
        assertEquals("PRON", UniversalTags.universal("ppss+md"));     // "I'll": its first word
        assertEquals("VERB", UniversalTags.universal("doz*"));        // "doesn't"
        assertEquals("VERB", UniversalTags.universal("do*-hl"));
        assertEquals("ADV", UniversalTags.universal("*"));            // "not"
        assertEquals("ADV", UniversalTags.universal("*-hl"));
        assertEquals("X", UniversalTags.universal("fw-in+at-tl"));    // foreign, whatever follows
        assertEquals("NOUN", UniversalTags.universal("nn$"));
        assertEquals("PRON", UniversalTags.universal("pp$$"));        // "mine" is in the table itself
        assertEquals("ADV", UniversalTags.universal("rb$"));
        assertEquals("PRON", UniversalTags.universal("ppss+ber-n"));  // a truncated compound of the corpus
        assertEquals("DET", UniversalTags.universal("AT"));           // upper case as in the manual
        assertEquals(".", UniversalTags.universal("``"));
        var e = assertThrows(IllegalArgumentException.class, () -> UniversalTags.universal("xyz-tl"));
        assertTrue(e.getMessage().contains("'xyz-tl'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UniversalTags.universal(" "));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> UniversalTags.index("NN"));
        assertTrue(e.getMessage().contains("'NN'"), e.getMessage());
        assertEquals(12, UniversalTags.TAGS.size());
        assertTrue(UniversalTags.BROWN.values().containsAll(UniversalTags.TAGS), "every universal tag is used");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void everyTagOfTheSampleMaps() {
        List<BrownCorpus.TaggedSentence> raw = BrownCorpus.sentences(Corpus.chapterSample());
        assertEquals(300, raw.size(), "20 sentences of each of 15 genres");
        long compounds = raw.stream().flatMap(s -> s.words().stream())
                .filter(w -> !UniversalTags.BROWN.containsKey(w.tag())).count();
        assertTrue(compounds > 50, "the sample has compound tags to map: " + compounds);
        List<Corpus.Sentence> mapped = Corpus.universal(raw);
        assertEquals(raw.get(0).words().size(), mapped.get(0).length());
        assertEquals(UniversalTags.index("DET"), mapped.get(0).tags()[0]);   // The/at
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void unknownWordsGetTheirSignaturesAndEmptySentencesAreRefused() {
        assertEquals("<unk-number>", Vocabulary.signature("1961"));
        assertEquals("<unk-Capital>", Vocabulary.signature("Fulton"));
        assertEquals("<unk-hyphen>", Vocabulary.signature("over-all"));
        assertEquals("<unk-ing>", Vocabulary.signature("running"));
        assertEquals("<unk-ed>", Vocabulary.signature("jumped"));
        assertEquals("<unk-ly>", Vocabulary.signature("quickly"));
        assertEquals("<unk-s>", Vocabulary.signature("dogs"));
        assertEquals("<unk>", Vocabulary.signature("is"));      // too short for an ending
        assertEquals("<unk>", Vocabulary.signature("-"));
        var v = new Vocabulary(List.of(sentence("the/DET", "dog/NOUN"), sentence("the/DET", "cat/NOUN")), 2);
        assertEquals(Vocabulary.SIGNATURES.size() + 1, v.size(), "only 'the' was seen twice");
        assertTrue(v.known("the"));
        assertFalse(v.known("dog"));
        assertEquals(Vocabulary.SIGNATURES.indexOf("<unk>"), v.id("dog"));
        assertEquals(Vocabulary.SIGNATURES.indexOf("<unk-Capital>"), v.id("Zorblax"));
        assertEquals("the", v.word(v.id("the")));
        var e = assertThrows(IllegalArgumentException.class, () -> v.ids(List.of()));
        assertTrue(e.getMessage().contains("empty sentence"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Corpus.Sentence(List.of(), new int[0]));
        assertTrue(e.getMessage().contains("empty sentence"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.signature(""));
        assertTrue(e.getMessage().contains("at least one character"), e.getMessage());
        var model = Taggers.PosTagger.lstm(v.size(), 4, 3, true, 1);
        e = assertThrows(IllegalArgumentException.class, () -> model.tag(new int[0]));
        assertTrue(e.getMessage().contains("empty sentence"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theBaselineFollowsCountsWorkedByHand() {
        // the: DET twice; run: NOUN once, VERB once (a tie goes to NOUN, listed first). Seen once: dog NOUN (<unk>),
        // runs VERB, dogs NOUN, sleeps VERB (all <unk-s>: VERB 2 to 1), Paris NOUN (<unk-Capital>); all rare
        // words: NOUN 3, VERB 2.
        var baseline = new MostFrequentTag(List.of(sentence("the/DET", "dog/NOUN", "runs/VERB"),
                sentence("the/DET", "run/NOUN"), sentence("dogs/NOUN", "run/VERB"), sentence("Paris/NOUN",
                        "sleeps/VERB")));
        int noun = UniversalTags.index("NOUN"), verb = UniversalTags.index("VERB"), det = UniversalTags.index("DET");
        assertArrayEquals(new int[] {det, verb, noun}, baseline.tags(List.of("the", "cats", "run")));
        assertEquals(noun, baseline.tag("Rome"));       // <unk-Capital>: Paris
        assertEquals(noun, baseline.tag("quickly"));    // no rare -ly word: all rare words, NOUN 3 to 2
        assertEquals(noun, baseline.tag("dog"));
        var e = assertThrows(IllegalArgumentException.class, () -> baseline.tags(List.of()));
        assertTrue(e.getMessage().contains("empty sentence"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void accuracyCountsRealTokensOnlyAndPaddingIsCountedByHand() {
        int pad = -100;
        // three real tokens, two right; the padded position would be wrong, and does not count
        assertEquals(2.0 / 3, Scores.maskedAccuracy(new int[][] {{1, 2}, {3, pad}}, new int[][] {{1, 0}, {3, 5}},
                pad), 1e-15);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Scores.maskedAccuracy(new int[][] {{pad}}, new int[][] {{0}}, pad));
        assertTrue(e.getMessage().contains("padding"), e.getMessage());
        List<Corpus.Sentence> s = List.of(sentence("a/DET", "b/NOUN", "c/VERB"), sentence("d/NOUN"),
                sentence("e/NOUN", "f/VERB"));
        assertEquals(2, Scores.paddingPositions(s, 2));   // batch (3, 1) pads 2; batch (2) none
        assertEquals(3, Scores.paddingPositions(s, 3));   // 3 * 3 - 6
        assertEquals(0, Scores.paddingPositions(s, 1));
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void batchesHoldSentencesOfOneLength() {
        List<Corpus.Sentence> s = List.of(sentence("a/DET", "b/NOUN"), sentence("c/NOUN"), sentence("d/NOUN",
                "e/VERB"), sentence("f/NOUN", "g/VERB"));
        var v = new Vocabulary(s, 1);
        List<Taggers.Batch> batches = Taggers.batches(s, v, 2, new Random(0));
        assertEquals(3, batches.size(), "length 2: three sentences in batches of 2 and 1; length 1: one");
        for (Taggers.Batch b : batches) {
            assertEquals(b.words().length, b.tags().length);
            assertEquals(b.size(), b.words()[b.steps() - 1].length);
        }
        assertEquals(4, batches.stream().mapToInt(Taggers.Batch::size).sum());
        var e = assertThrows(IllegalArgumentException.class, () -> Taggers.batches(List.of(), v, 2, new Random(0)));
        assertTrue(e.getMessage().contains("no sentences"), e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theBidirectionalTaggerBeatsTheBaselineOnAnotherSeed() {
        List<Corpus.Sentence> brown = Corpus.universal(BrownCorpus.sentences(Corpus.chapterSample()));
        Split<Corpus.Sentence> split = Split.shuffled(brown, 5, 0.8, 0.0);
        var v = new Vocabulary(split.train(), 2);
        var baseline = new MostFrequentTag(split.train());
        List<int[]> baseTags = new ArrayList<>();
        split.test().forEach(s -> baseTags.add(baseline.tags(s.words())));
        double base = Scores.evaluate(split.test(), baseTags, v).accuracy();
        var model = Taggers.PosTagger.lstm(v.size(), 64, 32, true, 31);
        Taggers.train(model, Taggers.batches(split.train(), v, 64, new Random(32)), 8, 33);
        double bi = Scores.evaluate(split.test(), model.predict(v, split.test()), v).accuracy();
        assertTrue(bi > base, "bidirectional " + bi + " against most frequent tag " + base);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theChapterRunsAndItsNumbersHang(@TempDir Path dir) throws Exception {
        ProgramRun map = ProgramRun.of(Mapping.class, dir);
        assertEquals(13, map.table("tagging-mapping").size(), "a header and the 12 universal tags");
        String compounds = map.output(Mapping.class, "compounds");
        assertTrue(compounds.contains("ppss+md      -> PRON"), compounds);
        assertTrue(compounds.contains("'xyz'"), compounds);
        ProgramRun run = ProgramRun.of(Tagging.class, dir);
        run.assertFigure("tagging-confusion");
        List<List<String>> rows = run.table("tagging-table");
        double base = Double.parseDouble(rows.get(1).get(2));
        double forward = Double.parseDouble(rows.get(2).get(2));
        double bi = Double.parseDouble(rows.get(3).get(2));
        assertTrue(bi > base && bi > forward, "the bidirectional tagger wins: " + rows);
        assertTrue(base > 0.8, "the baseline is strong on the universal tags: " + rows);
        Matcher m = Pattern.compile("real tokens: ([\\d.]+); with padding counted as right: ([\\d.]+)")
                .matcher(run.output(Tagging.class, "padding-run"));
        assertTrue(m.find(), run.stdout());
        assertEquals(bi, Double.parseDouble(m.group(1)), 1e-9, "the padding line scores the same tagger");
        assertTrue(Double.parseDouble(m.group(2)) > bi + 0.02, "padding counted as right inflates accuracy");
        String errors = run.output(Tagging.class, "errors");
        assertEquals(3, errors.strip().split("\n").length, errors);
        assertTrue(errors.contains("✗"), errors);
        String bad = run.output(Tagging.class, "bad-input");
        assertTrue(bad.contains("zorblaxes -> <unk-s>"), bad);
        assertTrue(bad.contains("empty sentence: ids: an empty sentence has no words to tag"), bad);
    }
}
