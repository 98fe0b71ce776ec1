package rnnbook.data.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import rnnbook.train.Scale;

/** CI scale reads the shipped samples (offline, seconds); full scale the real sets; the property overrides both. */
@Timeout(30)
class SourceTest {
    @AfterEach
    void clear() {
        System.clearProperty(Source.PROPERTY);
        System.clearProperty(Scale.PROPERTY);
    }

    @Test
    void ciScaleReadsTheSamplesAndFullScaleTheCache() {
        System.setProperty(Scale.PROPERTY, "ci");
        assertEquals(Source.SAMPLES, Source.current());
        System.setProperty(Scale.PROPERTY, "full");
        assertEquals(Source.CACHE, Source.current());
        System.setProperty(Source.PROPERTY, "samples");
        assertEquals(Source.SAMPLES, Source.current(), "the property wins over the scale");
        System.setProperty(Source.PROPERTY, "web");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Source::current);
        assertEquals("rnnbook.data.source must be samples or cache, got web", e.getMessage());
    }

    @Test
    void theNoArgumentLoadersReadTheSampleAtCiScale() {
        System.setProperty(Scale.PROPERTY, "ci");
        List<Observation> co2 = Co2.monthly();
        assertEquals(137, co2.size());
        assertEquals(LocalDate.of(1969, 12, 1), co2.get(136).date());
        assertEquals(List.of("1", "2", "10", "Epilogue"),
                MobyDick.chapters().stream().map(MobyDick.Chapter::number).toList());
        assertTrue(KoreanText.tweets().get(0).startsWith("투표"));
    }

    @Test
    void everySetHasASample() {
        for (DataSet set : Manifest.book().all()) {
            assertEquals(set, Source.sample(set.name()).set());
        }
    }
}
