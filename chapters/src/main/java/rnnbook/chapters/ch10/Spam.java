package rnnbook.chapters.ch10;

import static rnnbook.chapters.ch10.Classify.*;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import rnnbook.chapters.ch10.ChapterData;
import rnnbook.chapters.ch10.Tokens;
import rnnbook.chapters.common.Show;
import rnnbook.data.WordVocabulary;
import rnnbook.data.sets.SpamAssassin;
import rnnbook.data.sets.SpamAssassin.Message;
import rnnbook.data.sets.Split;
import rnnbook.train.Scale;
import rnnbook.viz.Figures;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 10, spam: the same two classifiers on e-mail, scored by a confusion table, hard ham on its own. */
public final class Spam {
    private Spam() {
    }

    // tag::read[]
    /** What both classifiers read of an e-mail: its Subject line and body, the first {@code max} tokens. */
    public static List<String> subjectAndBody(String email, int max) {
        int blank = email.indexOf("\n\n");
        String head = blank < 0 ? email : email.substring(0, blank);
        String body = blank < 0 ? "" : email.substring(blank + 2);
        String subject = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("subject:"))
                .findFirst().orElse("");
        return Tokens.words(subject + "\n" + body, max);
    }
    // end::read[]

    public static void main(String[] args) {
        // tag::spam-split[]
        var messages = SpamAssassin.messages(ChapterData.open(SpamAssassin.NAME));
        var mail = Split.shuffled(messages, 10, 0.8, 0.0);
        int maxTokens = 100;
        List<List<String>> mailTrain = mail.train().stream().map(m -> subjectAndBody(m.text(), maxTokens)).toList();
        List<List<String>> mailTest = mail.test().stream().map(m -> subjectAndBody(m.text(), maxTokens)).toList();
        int[] spamTrain = mail.train().stream().mapToInt(m -> m.spam() ? 1 : 0).toArray();
        int[] spamTest = mail.test().stream().mapToInt(m -> m.spam() ? 1 : 0).toArray();
        System.out.println(messages.size() + " e-mails: " + mail.train().size() + " to train, " + mail.test().size()
                + " to test, of which " + Arrays.stream(spamTest).sum() + " spam and "
                + mail.test().stream().filter(Message::hard).count() + " hard ham");
        // end::spam-split[]

        // tag::spam-models[]
        var spamBag = new BagOfWords().fit(mailTrain.stream().map(Tokens::ngrams).toList(), spamTrain, 1e-4, 2000, 5.0);
        int[] bagCalls = mailTest.stream().mapToInt(w -> spamBag.probability(Tokens.ngrams(w)) > 0.5 ? 1 : 0)
                .toArray();
        var mailWords = WordVocabulary.withUnknown(Tokens.concat(mailTrain), 2);
        var spamGru = new TextClassifier(mailWords.size(), 32, 32, 2, 21);
        Padded mailTestBatch = Padded.of(mailTest.stream().map(w -> Tokens.ids(mailWords, w)).toList(), spamTest, 0);
        trainGru(spamGru, mailTrain.stream().map(w -> Tokens.ids(mailWords, w)).toList(), spamTrain, mailTestBatch,
                Scale.current().pick(8, 4), 22);
        int[] gruCalls = spamGru.predict(mailTestBatch);
        // end::spam-models[]

        // tag::confusion-table[]
        Table spamTable = Table.create("Spam on the " + mail.test().size() + " test e-mails (first " + maxTokens
                        + " tokens of subject and body)",
                StringColumn.create("model"), IntColumn.create("spam caught"), IntColumn.create("ham flagged"),
                IntColumn.create("spam missed"), IntColumn.create("ham passed"),
                Show.formatted(DoubleColumn.create("accuracy"), "0.000"),
                Show.formatted(DoubleColumn.create("precision"), "0.000"),
                Show.formatted(DoubleColumn.create("recall"), "0.000"),
                StringColumn.create("hard ham passed"));
        int[] hard = java.util.stream.IntStream.range(0, spamTest.length).filter(i -> mail.test().get(i).hard())
                .toArray();
        for (var calls : List.of(bagCalls, gruCalls)) {
            Confusion c = Confusion.of(spamTest, calls);
            long hardPassed = Arrays.stream(hard).filter(i -> calls[i] == 0).count();
            spamTable.stringColumn("model").append(calls == bagCalls ? "bag of n-grams" : "GRU");
            spamTable.intColumn("spam caught").append(c.tp());
            spamTable.intColumn("ham flagged").append(c.fp());
            spamTable.intColumn("spam missed").append(c.fn());
            spamTable.intColumn("ham passed").append(c.tn());
            spamTable.doubleColumn("accuracy").append(c.accuracy());
            spamTable.doubleColumn("precision").append(c.precision());
            spamTable.doubleColumn("recall").append(c.recall());
            spamTable.stringColumn("hard ham passed").append(hardPassed + " of " + hard.length);
        }
        Figures.table(spamTable, "spam-table");
        // end::confusion-table[]
    }
}
