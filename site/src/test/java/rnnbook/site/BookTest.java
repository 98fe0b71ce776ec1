package rnnbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BookTest {
    private static final String MAP = """
            # The concept map

            | id | concept |
            |---|---|
            | seq-data | not a chapter row |

            ## Chapters

            | part | chapter | ids |
            |---|---|---|
            | I. The recurrent cell | 01-sequences | seq-data, ffn-limits |
            | | 02-the-cell | hidden-state |
            | II. Gates and depth | 05-lstm | lstm |
            | | 08-deep-and-bidirectional | bidirectional, deep-rnn |
            """;

    @Test
    void readsPartsChaptersAndIds() {
        Book book = Book.parse(MAP);
        assertEquals(2, book.parts().size());
        assertEquals("I. The recurrent cell", book.parts().get(0).label());
        assertEquals(List.of("01-sequences", "02-the-cell", "05-lstm", "08-deep-and-bidirectional"),
                book.chapters().stream().map(Book.Chapter::slug).toList());
        assertEquals(List.of("seq-data", "ffn-limits"), book.chapters().get(0).ids());
        assertEquals(8, book.chapters().get(3).number());
        assertEquals("II", book.chapters().get(3).partNumeral());
    }

    @Test
    void provisionalTitlesReadLikeTitles() {
        Book book = Book.parse(MAP);
        assertEquals("The cell", book.chapters().get(1).provisionalTitle());
        assertEquals("LSTM", book.chapters().get(2).provisionalTitle());
        assertEquals("Deep and bidirectional", book.chapters().get(3).provisionalTitle());
    }

    @Test
    void theSharedMapHasThirteenChaptersInThreeParts() {
        Book book = Book.read(SiteFiles.concepts());
        assertEquals(3, book.parts().size());
        assertEquals(13, book.chapters().size());
        assertEquals(List.of("seq-data", "ffn-limits", "io-configs"), book.chapter("01-sequences").orElseThrow().ids());
        assertEquals(4, book.parts().get(0).chapters().size());
    }

    @Test
    void badRowsAreRefusedWithTheRow() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Book.parse("## Chapters\n| part | chapter | ids |\n|---|---|---|\n| I. X | sequences | a |\n"));
        assertTrue(e.getMessage().contains("sequences"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Book.parse("# no chapters here\n"));
    }
}
