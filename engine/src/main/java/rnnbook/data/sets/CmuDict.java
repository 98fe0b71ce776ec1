package rnnbook.data.sets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CMU Pronouncing Dictionary (set {@value #NAME}): one line per pronunciation, the word in capitals, two
 * spaces, its ARPAbet phonemes (vowels carry a stress digit: 0 none, 1 primary, 2 secondary). A second or third
 * pronunciation is written {@code WORD(1)}, {@code WORD(2)}. Example: {@code AARDVARK  AA1 R D V AA2 R K}.
 */
public final class CmuDict {
    public static final String NAME = "cmudict";
    private static final String DICT = "package/data/dict.txt";
    private static final String PHONES = "package/data/phones.txt";

    private CmuDict() {
    }

    /** One pronunciation: the word, which variant (0 for the first), its phonemes. */
    public record Pronunciation(String word, int variant, List<String> phonemes) {
    }

    /** Every pronunciation, from {@link Source#current()} (CI scale: the sample). */
    public static List<Pronunciation> entries() {
        return entries(Source.current().open(NAME));
    }

    /** Every pronunciation, in file order (alphabetical). */
    public static List<Pronunciation> entries(SetFiles files) {
        List<Pronunciation> out = new ArrayList<>();
        String[] lines = files.text(DICT).split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith(";;;")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                throw DataSetException.badFile(files.set(), DICT, "line " + (i + 1) + " ('" + line
                        + "') has a word but no phonemes", null);
            }
            String word = parts[0];
            int variant = 0;
            int open = word.indexOf('(');
            if (open > 0 && word.matches(".+\\(\\d{1,2}\\)")) {
                variant = Integer.parseInt(word.substring(open + 1, word.length() - 1));
                word = word.substring(0, open);
            }
            out.add(new Pronunciation(word, variant, List.of(Arrays.copyOfRange(parts, 1, parts.length))));
        }
        if (out.isEmpty()) {
            throw DataSetException.badFile(files.set(), DICT, "holds no pronunciation", null);
        }
        return out;
    }

    /** The 39 phonemes (without stress) and their kind: vowel, stop, fricative, ... */
    public static Map<String, String> phones(SetFiles files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Lines.of(files, PHONES)) {
            String[] parts = line.split("\\s+");
            if (parts.length != 2) {
                throw DataSetException.badFile(files.set(), PHONES, "line '" + line + "' is not PHONE KIND", null);
            }
            out.put(parts[0], parts[1]);
        }
        return out;
    }
}
