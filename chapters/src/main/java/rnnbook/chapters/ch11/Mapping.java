package rnnbook.chapters.ch11;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rnnbook.chapters.ch11.Corpus;
import rnnbook.chapters.ch11.UniversalTags;
import rnnbook.data.sets.BrownCorpus;
import rnnbook.viz.Figures;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Chapter 11: the table from Brown tags to universal tags, and what the compound tags become. */
public final class Mapping {
    private Mapping() {
    }

    public static void main(String[] args) {
        // tag::table[]
        Table mappingTable = Table.create("Brown tags to the " + UniversalTags.TAGS.size() + " universal tags",
                StringColumn.create("universal"), StringColumn.create("Brown tags"));
        for (String tag : UniversalTags.TAGS) {
            List<String> brownTags = UniversalTags.BROWN.entrySet().stream()
                    .filter(e -> e.getValue().equals(tag)).map(Map.Entry::getKey).toList();
            mappingTable.stringColumn("universal").append(tag);
            mappingTable.stringColumn("Brown tags").append(String.join(" ", brownTags));
        }
        Figures.table(mappingTable, "tagging-mapping");
        // end::table[]

        // tag::compounds[]
        for (String compound : List.of("np-tl", "nn-tl-hl", "ppss+md", "doz*", "fw-in+at-tl", "vb+ppo", "*-hl",
                "nn$", "jj-nc")) {
            System.out.println(String.format("%-12s -> %s", compound, UniversalTags.universal(compound)));
        }
        try {
            UniversalTags.universal("xyz");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        // end::compounds[]

        // tag::coverage[]
        Map<String, Integer> tokensByTag = new LinkedHashMap<>();
        TreeSet<String> compoundTags = new TreeSet<>();
        int brownTokens = 0;
        for (BrownCorpus.TaggedSentence s : BrownCorpus.sentences(Corpus.files())) {
            for (BrownCorpus.TaggedWord w : s.words()) {
                tokensByTag.merge(UniversalTags.universal(w.tag()), 1, Integer::sum);
                if (!UniversalTags.BROWN.containsKey(w.tag())) {
                    compoundTags.add(w.tag());
                }
                brownTokens++;
            }
        }
        Table tagCounts = Table.create("The " + brownTokens + " tokens by universal tag",
                StringColumn.create("tag"), IntColumn.create("tokens"), StringColumn.create("share"));
        for (String tag : UniversalTags.TAGS) {
            int n = tokensByTag.getOrDefault(tag, 0);
            tagCounts.stringColumn("tag").append(tag);
            tagCounts.intColumn("tokens").append(n);
            tagCounts.stringColumn("share").append(String.format("%.1f%%", 100.0 * n / brownTokens));
        }
        Figures.table(tagCounts, "tagging-counts");
        System.out.println(compoundTags.size() + " distinct compound tags, all mapped; for example "
                + compoundTags.stream().limit(8).toList());
        // end::coverage[]
    }
}
