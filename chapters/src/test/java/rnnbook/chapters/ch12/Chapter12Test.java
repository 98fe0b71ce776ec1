package rnnbook.chapters.ch12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.seq2seq.Seq2Seq;

class Chapter12Test {

    private static Pronunciations.Word word(String spelling, String phonemes) {
        return new Pronunciations.Word(spelling, Pronunciations.letters(spelling), List.of(phonemes.split(" ")));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void editDistanceAndErrorRatesMatchHandCounts() {
        // kitten -> sitting: substitute k/s, substitute e/i, insert g
        int[] kitten = "kitten".chars().toArray();
        int[] sitting = "sitting".chars().toArray();
        assertEquals(3, ErrorRates.editDistance(kitten, sitting));
        assertEquals(3, ErrorRates.editDistance(sitting, kitten));
        assertEquals(4, ErrorRates.editDistance(new int[0], new int[] {1, 2, 3, 4}));
        assertEquals(0, ErrorRates.editDistance(new int[] {5, 6}, new int[] {5, 6}));
        // flaw -> lawn: delete f, insert n
        assertEquals(2, ErrorRates.editDistance("flaw".chars().toArray(), "lawn".chars().toArray()));
        // two words, 3 + 2 reference phonemes; one substitution in the first, the second exact
        List<int[]> predicted = List.of(new int[] {1, 2, 9}, new int[] {4, 5});
        List<int[]> reference = List.of(new int[] {1, 2, 3}, new int[] {4, 5});
        assertEquals(1.0 / 5, ErrorRates.phonemeErrorRate(predicted, reference), 1e-12);
        assertEquals(0.5, ErrorRates.wordErrorRate(predicted, reference), 1e-12);
        // a dropped phoneme: one deletion over 2 reference phonemes
        assertEquals(0.5, ErrorRates.phonemeErrorRate(List.of(new int[] {7}), List.of(new int[] {7, 8})), 1e-12);
        var e = assertThrows(IllegalArgumentException.class,
                () -> ErrorRates.wordErrorRate(List.of(), List.of()));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ErrorRates.phonemeErrorRate(List.of(new int[] {1}), List.of(new int[] {1}, new int[] {2})));
        assertTrue(e.getMessage().contains("1 predictions for 2"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theLetterTableLearnsOnlyFromOneToOneWords() {
        // CAT and CAB pair letters with phonemes one to one; C is K twice, A is AE twice, T is T, B is B.
        // PHONE (5 letters, 3 phonemes) cannot be paired and must teach nothing: else P or H would be learnt.
        LetterTable t = new LetterTable(List.of(word("CAT", "K AE T"), word("CAB", "K AE B"), word("PHONE", "F OW N"),
                word("CITY", "S IH T IY"), word("COT", "K AA T")));
        // C: K 3 times, S once; A: AE twice; the most frequent phoneme overall is K (3) and T (3): K first
        assertEquals(List.of("K", "AE", "B", "T"), t.pronounce(List.of("C", "A", "B", "T")));
        assertEquals(List.of("K", "K"), t.pronounce(List.of("P", "H")));   // never seen: the overall fallback
        var e = assertThrows(IllegalArgumentException.class, () -> new LetterTable(List.of(word("PHONE", "F OW N"))));
        assertTrue(e.getMessage().contains("as many phonemes as letters"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void datesAreWrittenAsPeopleSayThem() {
        LocalDate d = LocalDate.of(1999, 3, 23);
        assertEquals("23 mar 1999", DateTask.inWords(d, 0));
        assertEquals("march 23, 1999", DateTask.inWords(d, 1));
        assertEquals("the twenty-third of march, nineteen ninety-nine", DateTask.inWords(d, 3));
        assertEquals("tuesday, the twenty-third of march in the year nineteen ninety-nine", DateTask.inWords(d, 4));
        assertEquals("nineteen oh five", DateTask.year(1905));
        assertEquals("nineteen hundred", DateTask.year(1900));
        assertEquals("two thousand", DateTask.year(2000));
        assertEquals("two thousand and eight", DateTask.year(2008));
        assertEquals("twenty twelve", DateTask.year(2012));
        assertEquals("twentieth", DateTask.ordinal(20));
        assertEquals("thirtieth", DateTask.ordinal(30));
        assertEquals("thirty-first", DateTask.ordinal(31));
        assertEquals("twelfth", DateTask.ordinal(12));
        for (DateTask.Example x : DateTask.examples(500, new Random(3))) {
            assertTrue(x.words().chars().allMatch(c -> DateTask.SOURCE_CHARACTERS.indexOf(c) >= 0), x.words());
            assertEquals(x.date().toString(), x.iso());
            assertTrue(x.words().length() >= 10 && x.words().length() < 80, x.words());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> DateTask.inWords(d, 5));
        assertTrue(e.getMessage().contains("got 5"), e.getMessage());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void badInputIsNamed() {
        Symbols letters = new Symbols("letters", List.of("A", "C", "E", "F"));
        assertEquals(7, letters.size());
        assertEquals(List.of(3, 4, 6), java.util.Arrays.stream(letters.encode(List.of("A", "C", "F"))).boxed().toList());
        var e = assertThrows(IllegalArgumentException.class, () -> letters.encode(Pronunciations.letters("CAFÉ")));
        assertTrue(e.getMessage().contains("'É' at position 3") && e.getMessage().contains("CAFÉ"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Translators.train(Seq2Seq.AttentionKind.NONE, 6, 6,
                List.of(), List.of(), 4, 1, 1, 0));
        assertTrue(e.getMessage().contains("0 sources"), e.getMessage());
        Seq2Seq model = Translators.train(Seq2Seq.AttentionKind.DOT, 6, 6, List.of(new int[] {3, 4}),
                List.of(new int[] {5}), 4, 1, 1, 0);
        e = assertThrows(IllegalArgumentException.class, () -> model.beamSearch(new int[] {3}, 0, 5, 1.0));
        assertTrue(e.getMessage().contains("beam width must be at least 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pronunciations.words(List.of(new rnnbook.data.sets.CmuDict.Pronunciation("A.", 0,
                        List.of("EY1"))), 12));
        assertTrue(e.getMessage().contains("no word"), e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void attentionBeatsTheLetterTableAndDrawsItsAlignments(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(G2p.class, dir);
        double table = run.cell("g2p-results", "letter table (baseline)", 1);
        double additive = run.cell("g2p-results", "additive attention", 1);
        assertTrue(additive < table, "additive attention's phoneme error rate " + additive
                + " should beat the letter table's " + table + " on the shipped sample");
        run.assertFigure("g2p-by-length");
        run.assertFigure("g2p-attention-photograph");
        run.assertFigure("g2p-attention-knights");
        assertTrue(run.output(G2p.class, "bad-input").contains("'É' at position 3"));
        assertTrue(run.output(G2p.class, "bad-input").contains("beam width must be at least 1, got 0"));
        assertEquals(9, run.table("g2p-published").size());   // header, four papers, four rows of this page
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void attentionReadsDatesThatTheFixedVectorCannot(@TempDir Path dir) throws Exception {
        ProgramRun run = ProgramRun.of(Dates.class, dir);
        String out = run.output(Dates.class, "train");
        double none = Double.parseDouble(out.replaceAll("(?s).*no attention: ([0-9.]+) of.*", "$1"));
        double dot = Double.parseDouble(out.replaceAll("(?s).*dot-product attention: ([0-9.]+) of.*", "$1"));
        assertTrue(dot > none + 0.05, "with attention " + dot + ", without " + none);
        run.assertFigure("dates-by-length");
    }
}
