package rnnbook.data.sets;

import java.util.List;

/**
 * Korean text from the open-korean-text jar (set {@value #NAME}): 1000 example tweets (informal Hangul with
 * emoticons such as ㅋㅋ, mentions written {@code @user}) and a list of Korean nouns.
 */
public final class KoreanText {
    public static final String NAME = "korean-text";
    private static final String TWEETS = "org/openkoreantext/processor/util/example_tweets.txt";
    private static final String NOUNS = "org/openkoreantext/processor/util/noun/nouns.txt";

    private KoreanText() {
    }

    /** The tweets, from {@link Source#current()} (CI scale: the sample). */
    public static List<String> tweets() {
        return tweets(Source.current().open(NAME));
    }

    /** One tweet per element. */
    public static List<String> tweets(SetFiles files) {
        return Lines.of(files, TWEETS);
    }

    /** One noun per element. */
    public static List<String> nouns(SetFiles files) {
        return Lines.of(files, NOUNS);
    }
}
