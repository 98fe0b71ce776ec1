package rnnbook.chapters.ch09;

import java.util.List;
import java.util.Random;
import rnnbook.chapters.ch09.LmData;
import rnnbook.chapters.ch09.LmTraining;
import rnnbook.chapters.ch09.NGram;
import rnnbook.chapters.ch09.TokenLm;
import rnnbook.data.Vocabulary;
import rnnbook.data.sets.KoreanText;
import rnnbook.data.sets.Split;
import rnnbook.nn.LstmCell;
import rnnbook.train.Scale;

/** Chapter 9: the same character model on Korean tweets, where one character is a whole Hangul syllable. */
public final class KoreanChars {
    private KoreanChars() {
    }

    public static void main(String[] args) {
        // tag::korean[]
        List<String> tweets = KoreanText.tweets(LmData.files(KoreanText.NAME));
        Split<String> tweetSplit = Split.chronological(tweets, 0.9, 0.0);
        String koreanTrain = String.join("\n", tweetSplit.train());
        Vocabulary syllables = Vocabulary.withUnknown(koreanTrain);
        int[] koreanIds = syllables.encode(koreanTrain);
        int[] koreanHeldOut = syllables.encode(String.join("\n", tweetSplit.test()));
        var koreanLm = new TokenLm(syllables.size(), 32, new LstmCell(32, Scale.current().pick(64, 128),
                new Random(7)), new Random(8));
        LmTraining.fit(koreanLm, koreanIds, koreanHeldOut,
                new LmTraining.Plan(32, 16, Scale.current().pick(40, 400), 0.01, Scale.current().pick(40, 100)));
        double koreanNats = koreanLm.nats(koreanHeldOut, 16);
        double koreanBigram = new NGram(2, syllables.size(), koreanIds).nats(koreanHeldOut);
        System.out.printf("%d tweets, %d characters to train on, %s; held-out: LSTM %.3f nats per character,"
                        + " Witten-Bell bigram %.3f%n", tweetSplit.train().size(), koreanIds.length, syllables,
                koreanNats, koreanBigram);
        for (String start : new String[]{"오늘", "나는", "ㅋㅋ"}) {
            int[] more = koreanLm.sample(syllables.encode(start), Scale.current().pick(30, 60), 0.8, new Random(9));
            System.out.println(start + syllables.decode(more).replace('\n', ' '));
        }
        // end::korean[]
    }
}
