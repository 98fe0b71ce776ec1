package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every loader on its shipped sample, fetched through the real pipeline with the committed manifest's globs. The
 * expected values are read off the sample files by eye (they are a few lines each).
 */
@Timeout(60)
class LoadersTest {
    @TempDir
    Path tmp;

    @Test
    void mobyDickChaptersComeInBookOrderNotFileNameOrder() throws IOException {
        List<MobyDick.Chapter> chapters = MobyDick.chapters(Samples.fetched("moby-dick", tmp));
        // files sort as chapter_1, chapter_10, chapter_2, epilogue; the book goes 1, 2, 10, Epilogue
        assertEquals(List.of("1", "2", "10", "Epilogue"), chapters.stream().map(MobyDick.Chapter::number).toList());
        assertEquals("Loomings.", chapters.get(0).title());
        assertTrue(chapters.get(0).text().startsWith("Call me Ishmael."), chapters.get(0).text());
    }

    @Test
    void stateOfTheUnionAddressesByYearThenPresident() throws IOException {
        List<StateOfTheUnion.Address> all = StateOfTheUnion.addresses(Samples.fetched("sotu", tmp));
        assertEquals(List.of(1790, 1861, 1953, 1953), all.stream().map(StateOfTheUnion.Address::year).toList());
        assertEquals(List.of("George Washington", "Abraham Lincoln", "Dwight D Eisenhower", "Harry S Truman"),
                all.stream().map(StateOfTheUnion.Address::president).toList());
        assertEquals(2, StateOfTheUnion.between(all, 1900, 2000).size());
    }

    @Test
    void firstNamesOnePerLine() throws IOException {
        List<String> female = FirstNames.of(Samples.fetched("female-first-names-en", tmp.resolve("f")));
        List<String> male = FirstNames.of(Samples.fetched("male-first-names-en", tmp.resolve("m")));
        assertEquals(12, female.size());
        assertEquals("Aaren", female.get(0));
        assertEquals(12, male.size());
        assertTrue(male.stream().allMatch(n -> !n.isBlank() && n.equals(n.strip())));
    }

    @Test
    void sentimentDropsTheTrailingPlaceholderAndKeepsSourceAndLabel() throws IOException {
        SetFiles files = Samples.fetched("sentiment-sentences", tmp);
        List<SentimentSentences.Sentence> yelp = SentimentSentences.of(files, "yelp");
        // six sentences and the empty placeholder in the sample file
        assertEquals(6, yelp.size());
        assertEquals(new SentimentSentences.Sentence("yelp", "Wow... Loved this place.", 1), yelp.get(0));
        assertEquals(new SentimentSentences.Sentence("yelp", "Crust is not good.", 0), yelp.get(1));
        List<SentimentSentences.Sentence> all = SentimentSentences.all(files);
        assertEquals(6 + 4 + 4, all.size());
        assertEquals("imdb", all.get(all.size() - 1).source());
    }

    @Test
    void spamAndHamWithTheirGroups() throws IOException {
        List<SpamAssassin.Message> messages = SpamAssassin.messages(Samples.fetched("spam-assassin", tmp));
        assertEquals(List.of("easy-ham-1", "hard-ham-1", "spam-1"),
                messages.stream().map(SpamAssassin.Message::group).toList());
        assertEquals(List.of(false, false, true), messages.stream().map(SpamAssassin.Message::spam).toList());
        assertTrue(messages.get(1).hard());
        assertFalse(messages.get(0).hard());
        assertTrue(messages.get(2).text().startsWith("From 12a1mailbot1@web.de"), messages.get(2).text());
    }

    @Test
    void birthsAreADailySeries() throws IOException {
        List<Observation> births = UsBirths.daily(Samples.fetched("us-births", tmp));
        assertEquals(40, births.size());
        assertEquals(new Observation(LocalDate.of(1969, 1, 1), 8486), births.get(0));
        assertEquals(new Observation(LocalDate.of(1969, 1, 2), 9002), births.get(1));
        assertEquals(LocalDate.of(1969, 2, 9), births.get(39).date());
    }

    @Test
    void co2KeepsItsMissingMonthsMissing() throws IOException {
        SetFiles files = Samples.fetched("co2", tmp);
        List<Observation> co2 = Co2.monthly(files);
        // March 1958 to December 1969 is 142 months, five of them without a measurement
        assertEquals(137, co2.size());
        assertEquals(new Observation(LocalDate.of(1958, 3, 1), 315.70), co2.get(0));
        // June and October 1958 have no measurement: May is followed by July, September by November
        assertEquals(LocalDate.of(1958, 7, 1), co2.get(3).date());
        assertEquals(LocalDate.of(1958, 11, 1), co2.get(6).date());
        assertEquals(314.44, Co2.adjusted(files).get(0).value());
    }

    @Test
    void brownSplitsEachTokenAtItsLastSlash() throws IOException {
        List<BrownCorpus.TaggedSentence> sentences = BrownCorpus.sentences(Samples.fetched("brown", tmp));
        assertEquals(3 + 1 + 2, sentences.size());
        BrownCorpus.TaggedSentence first = sentences.get(0);
        assertEquals("ca01", first.file());
        assertEquals('a', first.genre());
        assertEquals(new BrownCorpus.TaggedWord("The", "at"), first.words().get(0));
        assertEquals(new BrownCorpus.TaggedWord("Fulton", "np-tl"), first.words().get(1));
        // ce02: "given/vbn 1/2/cd to/in 1-1/2/cd": fractions keep their slash
        BrownCorpus.TaggedSentence fractions = sentences.get(3);
        assertEquals('e', fractions.genre());
        assertEquals(new BrownCorpus.TaggedWord("1/2", "cd"), fractions.words().get(4));
        assertEquals(new BrownCorpus.TaggedWord("1-1/2", "cd"), fractions.words().get(6));
        assertEquals('r', sentences.get(5).genre());
    }

    @Test
    void cmuDictWordsVariantsAndPhonemes() throws IOException {
        SetFiles files = Samples.fetched("cmudict", tmp);
        List<CmuDict.Pronunciation> entries = CmuDict.entries(files);
        assertEquals(1527, entries.size());   // 12 hand-picked lines, then every 75th word (make_cmudict_sample.py)
        assertEquals(new CmuDict.Pronunciation("A", 1, List.of("EY1")), entries.get(1));
        assertEquals(new CmuDict.Pronunciation("TOMATO", 1, List.of("T", "AH0", "M", "AA1", "T", "OW2")),
                entries.get(11));
        Map<String, String> phones = CmuDict.phones(files);
        assertEquals(39, phones.size());
        assertEquals("vowel", phones.get("AA"));
        assertEquals("stop", phones.get("B"));
    }

    @Test
    void koreanTweetsAreHangul() throws IOException {
        SetFiles files = Samples.fetched("korean-text", tmp);
        List<String> tweets = KoreanText.tweets(files);
        assertEquals(6, tweets.size());
        assertTrue(tweets.get(0).startsWith("투표"), tweets.get(0));
        assertEquals(10, KoreanText.nouns(files).size());
    }
}
