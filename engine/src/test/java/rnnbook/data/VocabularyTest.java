package rnnbook.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    /** "a", "한" (U+D55C) and "😀" (U+1F600, two Java chars) are three tokens, ordered by code point. */
    @Test
    void roundTripsHangulAndCharactersOutsideTheBmp() {
        String text = "😀한a한😀";
        assertEquals(7, text.length(), "five characters, two of them stored as surrogate pairs");
        Vocabulary v = Vocabulary.of(text);
        assertEquals(3, v.size());
        assertEquals(List.of("a", "한", "😀"), v.tokens());
        assertArrayEquals(new int[]{2, 1, 0, 1, 2}, v.encode(text));
        assertEquals(text, v.decode(v.encode(text)));
        assertEquals(0x1F600, v.codePoint(2));
    }

    @Test
    void shippedTextsRoundTrip() {
        String text = Texts.english() + Texts.korean();
        Vocabulary v = Vocabulary.of(text);
        assertEquals(text, v.decode(v.encode(text)));
        assertEquals(text.codePoints().count(), v.encode(text).length);
    }

    @Test
    void orderDoesNotDependOnTheText() {
        assertEquals(Vocabulary.of("cab").tokens(), Vocabulary.of("abcabc").tokens());
    }

    @Test
    void unknownCharacterNamesItsCodePointAndPosition() {
        Vocabulary v = Vocabulary.of("나는 ab");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode("a😀b한"));
        assertTrue(e.getMessage().contains("'😀' (U+1F600)"), e.getMessage());
        assertTrue(e.getMessage().contains("position 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.encode("ab한"));
        assertTrue(e.getMessage().contains("'한' (U+D55C) at position 2"), e.getMessage());
    }

    @Test
    void unknownTokenTakesIdZeroWhenAsked() {
        Vocabulary v = Vocabulary.withUnknown("ba");
        assertEquals(3, v.size());
        assertArrayEquals(new int[]{1, 0, 2}, v.encode("a?b"));
        assertEquals("a\uFFFDb", v.decode(v.encode("a?b")));
    }

    @Test
    void badIdIsAClearError() {
        Vocabulary v = Vocabulary.of("ab");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.decode(new int[]{0, 5}));
        assertTrue(e.getMessage().contains("id 5 at position 1"), e.getMessage());
    }

    @Test
    void wordsTokenizeAndRoundTrip() {
        List<String> tokens = WordVocabulary.tokenize("나는 한국 사람이야. I'm here, 42 times!");
        assertEquals(List.of("나는", "한국", "사람이야", ".", "I'm", "here", ",", "42", "times", "!"), tokens);
        WordVocabulary v = WordVocabulary.of(tokens);
        assertEquals(10, v.size());
        assertEquals(0, v.id("나는"), "first-seen order");
        assertEquals(tokens, v.decode(v.encode(tokens)));
    }

    @Test
    void unknownWordIsAnErrorOrUnk() {
        WordVocabulary plain = WordVocabulary.of(List.of("a", "b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plain.encode(List.of("a", "b", "한국어")));
        assertTrue(e.getMessage().contains("\"한국어\" at position 2"), e.getMessage());

        WordVocabulary unk = WordVocabulary.withUnknown(List.of("a", "b", "a"), 2);
        assertEquals(List.of("<unk>", "a"), unk.words(), "b is seen once, below minCount 2");
        assertArrayEquals(new int[]{1, 0, 0}, unk.encode(List.of("a", "b", "c")));
    }
}
