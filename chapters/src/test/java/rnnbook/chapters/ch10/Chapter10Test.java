package rnnbook.chapters.ch10;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import rnnbook.chapters.ProgramRun;
import rnnbook.data.sets.Co2;
import rnnbook.data.sets.Observation;
import rnnbook.data.sets.UsBirths;
import rnnbook.nn.Parameter;

class Chapter10Test {

    private static Map<String, double[]> grads(TextClassifier model) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> p : model.namedParameters().entrySet()) {
            out.put(p.getKey(), p.getValue().grad().data().clone());
        }
        model.zeroGrad();
        return out;
    }

    @Test
    void aPaddedBatchGivesTheLossAndGradientsOfItsRowsAlone() {
        Random rng = new Random(3);
        List<int[]> rows = new ArrayList<>();
        for (int length : new int[] {7, 2, 5, 1}) {
            rows.add(rng.ints(length, 0, 20).toArray());
        }
        int[] labels = {1, 0, 0, 1};
        var model = new TextClassifier(20, 6, 5, 2, 4);
        double batched = model.lossAndBackward(Padded.of(rows, labels, 0));
        Map<String, double[]> batchedGrads = grads(model);
        double alone = 0;
        Map<String, double[]> sum = null;
        for (int b = 0; b < rows.size(); b++) {
            alone += model.lossAndBackward(Padded.of(List.of(rows.get(b)), new int[] {labels[b]}, 0)) / rows.size();
            Map<String, double[]> g = grads(model);
            if (sum == null) {
                sum = g;
            } else {
                for (var e : g.entrySet()) {
                    double[] s = sum.get(e.getKey());
                    for (int i = 0; i < s.length; i++) {
                        s[i] += e.getValue()[i];
                    }
                }
            }
        }
        assertEquals(alone, batched, 1e-12, "mean of the rows' losses");
        for (var e : batchedGrads.entrySet()) {
            double[] expected = Arrays.stream(sum.get(e.getKey())).map(v -> v / rows.size()).toArray();
            assertArrayEquals(expected, e.getValue(), 1e-12, e.getKey());
        }
        // the pad id is never read when lengths are given; without lengths the padding changes the loss
        assertEquals(batched, model.lossAndBackward(Padded.of(rows, labels, 13)), 1e-12);
        model.zeroGrad();
        double unmasked = model.useLengths(false).lossAndBackward(Padded.of(rows, labels, 13));
        model.useLengths(true).zeroGrad();
        assertTrue(Math.abs(unmasked - batched) > 1e-6, "padding read as tokens must change the loss");
    }

    @Test
    void paddedLaysRowsOutByTimeAndRefusesAnEmptyRow() {
        Padded p = Padded.of(List.of(new int[] {4, 5, 6}, new int[] {7}), new int[] {1, 0}, 0);
        assertArrayEquals(new int[][] {{4, 7}, {5, 0}, {6, 0}}, p.ids());
        assertArrayEquals(new int[] {3, 1}, p.lengths());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Padded.of(List.of(new int[] {1}, new int[0]), new int[] {0, 1}, 0));
        assertTrue(e.getMessage().contains("row 1 has no tokens"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Padded.of(List.of(new int[] {1}), new int[] {0, 1}, 0));
    }

    @Test
    void aSetWithoutASubsetIsAClearError() {
        var e = assertThrows(IllegalStateException.class, () -> ChapterData.open("no-such-set"));
        assertTrue(e.getMessage().contains("no subset of data set no-such-set"), e.getMessage());
    }

    @Test
    void confusionCountsByHand() {
        // truth 1 1 0 0 1, said 1 0 1 0 1: caught 2, flagged 1 ham, missed 1, passed 1
        Confusion c = Confusion.of(new int[] {1, 1, 0, 0, 1}, new int[] {1, 0, 1, 0, 1});
        assertEquals(new Confusion(2, 1, 1, 1), c);
        assertEquals(0.6, c.accuracy(), 1e-15);
        assertEquals(2.0 / 3, c.precision(), 1e-15);
        assertEquals(2.0 / 3, c.recall(), 1e-15);
        assertTrue(Double.isNaN(Confusion.of(new int[] {0}, new int[] {0}).precision()), "nothing flagged");
        assertThrows(IllegalArgumentException.class, () -> Confusion.of(new int[] {1}, new int[0]));
    }

    @Test
    void forecastYardsticksByHand() {
        double[] y = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(new double[] {3, 4}, Forecasting.seasonalNaive(y, 2, 4));
        // train 1..5: naive (m = 1) errors all 1, so q = 1; errors 1 and 2 give MASE 1.5
        double[] train = {1, 2, 3, 4, 5};
        assertEquals(1.5, Forecasting.mase(new double[] {6, 7}, new double[] {5, 9}, train, 1), 1e-15);
        // m = 2: q = mean(2, 2, 2) = 2, MASE 0.75
        assertEquals(0.75, Forecasting.mase(new double[] {6, 7}, new double[] {5, 9}, train, 2), 1e-15);
        // SES, alpha 0.5 on 2, 4, 6: levels 2, 3, 4.5; forecasts of y_1, y_2 are 2 and 3
        assertArrayEquals(new double[] {2, 3}, Forecasting.ses(new double[] {2, 4, 6}, 0.5, 1), 1e-15);
        // on a rising straight line any smoothing lags further behind than the last value (alpha = 1) ...
        assertEquals(1.0, Forecasting.fitAlpha(new double[] {0, 1, 2, 3, 4, 5, 6}), 1e-15);
        // ... and on a zigzag around 0 the best level barely moves (the smallest alpha on the grid)
        assertEquals(0.01, Forecasting.fitAlpha(new double[] {0, 1, -1, 1, -1, 1, -1, 1, -1}), 1e-15);
        // January 1 and March 3: February filled on the straight line
        assertArrayEquals(new double[] {1, 2, 3}, Forecasting.everyMonth(List.of(
                new Observation(LocalDate.of(2000, 1, 1), 1), new Observation(LocalDate.of(2000, 3, 1), 3))));
    }

    @Test
    void forecastYardsticksRefuseBadInput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Forecasting.mase(new double[] {1}, new double[] {1}, new double[] {1, 2}, 7));
        assertTrue(e.getMessage().contains("more than the season m = 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Forecasting.mase(new double[] {1}, new double[] {1}, new double[] {5, 5, 5}, 1));
        assertTrue(e.getMessage().contains("scale is 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Forecasting.mase(new double[0], new double[0],
                new double[] {1, 2, 3}, 1));
        assertThrows(IllegalArgumentException.class, () -> Forecasting.seasonalNaive(new double[] {1, 2}, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> Forecasting.ses(new double[] {1, 2}, 0, 1));
        double[] ten = new double[10];
        Arrays.fill(ten, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> new Forecaster(24, 12, 0, 4, 1).fit(ten, new double[10][0], 1, 1));
        assertTrue(e.getMessage().contains("window of 24"), e.getMessage());
    }

    @Test
    void theBagOfWordsLearnsTwoWordsByHand() {
        // "good" 1, "bad" 0: by symmetry the bias gradient mean(p - y) stays 0, so an unseen text scores σ(0) = 0.5
        var bag = new BagOfWords().fit(List.of(Set.of("good"), Set.of("bad")), new int[] {1, 0}, 0, 200, 1.0);
        assertTrue(bag.probability(Set.of("good")) > 0.9, "good");
        assertTrue(bag.probability(Set.of("bad")) < 0.1, "bad");
        assertEquals(0.5, bag.probability(Set.of("unseen")), 1e-12);
        assertEquals(-bag.weight("good"), bag.weight("bad"), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new BagOfWords().fit(List.of(), new int[0], 0, 1, 1));
        assertThrows(IllegalStateException.class, () -> new BagOfWords().probability(Set.of("good")));
    }

    @Test
    void spamReadsSubjectAndBodyOnly() {
        String mail = "From: x@y\nSubject: Cheap PILLS\nTo: z\n\nBuy now, buy now!";
        assertEquals(List.of("subject", ":", "cheap", "pills", "buy", "now", ",", "buy", "now", "!"),
                Spam.subjectAndBody(mail, 50));
        assertEquals(List.of("subject", ":", "cheap"), Spam.subjectAndBody(mail, 3));
    }

    @Test
    void holidaysAndCalendarInputsByHand() {
        // 1970: Memorial Day still May 30 (a Saturday), Labor Day Monday Sept 7, Thanksgiving Thursday Nov 26;
        // July 4 was a Saturday, so Friday July 3 was kept too
        for (String d : List.of("1970-05-30", "1970-09-07", "1970-11-26", "1970-07-04", "1970-07-03",
                "1971-05-31", "1976-12-24", "1971-12-31", "1977-12-26", "1988-01-01")) {
            assertTrue(DayFeatures.holiday(LocalDate.parse(d)), d);
        }
        for (String d : List.of("1970-05-25", "1971-05-30", "1970-11-27", "1970-11-19", "1970-07-05",
                "1970-12-24", "1972-07-03")) {
            assertFalse(DayFeatures.holiday(LocalDate.parse(d)), d);
        }
        double[][] c = DayFeatures.daily(List.of(LocalDate.parse("1970-11-25"), LocalDate.parse("1970-11-26"),
                LocalDate.parse("1970-11-27"), LocalDate.parse("1969-01-01"), LocalDate.parse("1970-12-24")));
        assertEquals(DayFeatures.DAILY, c[0].length);
        // Wednesday before Thanksgiving: weekday 3 of 7, "day before a holiday"
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0}, new double[] {c[0][0], c[0][1], c[0][2],
                c[0][3], c[0][4], c[0][5], c[0][6], c[0][9], c[0][10], c[0][11], c[0][12]});
        assertEquals(1, c[1][3]);
        assertEquals(1, c[1][9]);
        assertEquals(1, c[2][10], "the day after Thanksgiving");
        assertEquals(0, c[3][7], 1e-15, "sin of January 1");
        assertEquals(1, c[3][8], 1e-15, "cos of January 1");
        assertEquals(1, c[3][9], "New Year's Day, a Wednesday in 1969");
        assertEquals(1, c[4][12], "Christmas Eve is in the year-end days");
        assertEquals(0, c[4][9], "Christmas Eve 1970, a Thursday, is no holiday");
        double[][] months = DayFeatures.monthly(List.of(LocalDate.parse("1960-04-01")));
        assertArrayEquals(new double[] {1, 0}, months[0], 1e-15);   // April: a quarter turn
    }

    @Test
    void theForecasterRefusesBadInput() {
        var gru = new Forecaster(14, 7, 2, 4, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> gru.fit(new double[30], new double[30][2], 1, 1));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
        double[] ones = new double[30];
        Arrays.fill(ones, 1);
        e = assertThrows(IllegalArgumentException.class, () -> gru.fit(ones, new double[20][2], 1, 1));
        assertTrue(e.getMessage().contains("calendar row of 2 inputs for each of the 30 steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gru.fit(ones, new double[30][3], 1, 1));
        assertTrue(e.getMessage().contains("got 30 rows of 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Forecaster(5, 7, 0, 4, 1));
        assertTrue(e.getMessage().contains("m <= width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> gru.forecast(ones, new double[30][2], 10));
        assertTrue(e.getMessage().contains("width 14 <= from"), e.getMessage());
    }

    /** MASE of the seasonal naive forecast and of GRUs of three seeds, on the last fifth of y. */
    private static double[] naiveAndGrus(double[] y, double[][] calendar, int m, int width, int hidden) {
        int from = (int) Math.round(y.length * 0.8);
        double[] train = Arrays.copyOf(y, from);
        double[] actual = Arrays.copyOfRange(y, from, y.length);
        double[] out = new double[4];
        out[0] = Forecasting.mase(actual, Forecasting.seasonalNaive(y, m, from), train, m);
        for (int seed = 1; seed <= 3; seed++) {
            var gru = new Forecaster(width, m, calendar[0].length, hidden, seed);
            gru.fit(train, calendar, 300, seed + 100);
            out[seed] = Forecasting.mase(actual, gru.forecast(y, calendar, from), train, m);
        }
        return out;
    }

    @Test
    @Timeout(240)
    void theGruBeatsTheSeasonalNaiveForecastOnCo2OverSeeds() {
        List<Observation> observed = Co2.monthly();             // CI scale: the engine's sample, 1958-1969
        double[] co2 = Forecasting.everyMonth(observed);
        List<LocalDate> months = new ArrayList<>();
        for (int t = 0; t < co2.length; t++) {
            months.add(observed.get(0).date().plusMonths(t));
        }
        double[] mase = naiveAndGrus(co2, DayFeatures.monthly(months), 12, 24, 16);
        for (int seed = 1; seed <= 3; seed++) {
            assertTrue(mase[seed] < 1 && mase[seed] < mase[0], "seed " + seed + ": GRU MASE " + mase[seed]
                    + ", naive " + mase[0]);
        }
    }

    @Test
    @Timeout(240)
    void theGruBeatsTheSeasonalNaiveForecastOnBirthsOverSeeds() {
        // CI scale: the chapter's subset, 1969 and 1970; the test part (August to December 1970) holds Labor Day,
        // Thanksgiving and Christmas, which the seasonal naive forecast misses and then repeats a week later
        List<Observation> days = UsBirths.daily(ChapterData.open(UsBirths.NAME));
        assertEquals(730, days.size());
        double[] births = days.stream().mapToDouble(Observation::value).toArray();
        double[] mase = naiveAndGrus(births, DayFeatures.daily(days.stream().map(Observation::date).toList()), 7,
                28, 24);
        assertTrue(mase[0] > 1, "the seasonal naive forecast on the test part: " + mase[0]);
        for (int seed = 1; seed <= 3; seed++) {
            assertTrue(mase[seed] < 1 && mase[seed] < mase[0], "seed " + seed + ": GRU MASE " + mase[seed]
                    + ", naive " + mase[0]);
        }
        // the same GRUs without the calendar (k = 0): on average worse, since they cannot see the holidays
        double[] blind = naiveAndGrus(births, new double[births.length][0], 7, 28, 24);
        double withCalendar = (mase[1] + mase[2] + mase[3]) / 3, without = (blind[1] + blind[2] + blind[3]) / 3;
        assertTrue(withCalendar < without, "mean MASE with the calendar " + withCalendar + ", without " + without);
    }

    @Test
    @Timeout(300)
    void theProgramsPrintAndDrawWhatThePageSays(@TempDir Path dir) throws Exception {
        ProgramRun sentiment = ProgramRun.of(Sentiment.class, dir);
        String masking = sentiment.output(Sentiment.class, "masking");
        assertTrue(masking.contains("largest gradient difference"), masking);
        sentiment.assertFigure("sentiment-curves");
        assertEquals(4, sentiment.table("sentiment-table").size(), "header and three sources");
        ProgramRun spam = ProgramRun.of(Spam.class, dir);
        assertEquals(3, spam.table("spam-table").size(), "header, baseline and GRU");
        ProgramRun forecasts = ProgramRun.of(Forecasts.class, dir);
        forecasts.assertFigure("births-forecast");
        forecasts.assertFigure("co2-forecast");
        List<List<String>> rows = forecasts.table("forecast-table");
        double co2Naive = Double.NaN, co2Gru = Double.NaN, birthsNaive = Double.NaN, birthsGru = Double.NaN;
        for (List<String> row : rows.subList(1, rows.size())) {
            double mase = Double.parseDouble(row.get(4));
            boolean co2 = row.get(0).startsWith("CO2");
            if (row.get(1).startsWith("seasonal naive")) {
                if (co2) co2Naive = mase; else birthsNaive = mase;
            } else if (row.get(1).startsWith("GRU")) {
                if (co2) co2Gru = mase; else birthsGru = mase;
            }
        }
        assertTrue(co2Gru < 1 && co2Gru < co2Naive, "CO2: GRU " + co2Gru + " against naive " + co2Naive);
        assertTrue(birthsGru < 1 && birthsGru < birthsNaive, "births: GRU " + birthsGru + " against naive " + birthsNaive);
    }
}
