package rnnbook.chapters.ch10;

import java.nio.file.Path;
import rnnbook.data.sets.SetFiles;
import rnnbook.data.sets.Source;

/**
 * Where chapter 10 reads a data set from. The engine's shipped samples hold a few lines of each set: enough to test
 * a loader, too few to train on. At CI scale (tests, notebooks) this chapter reads its own small subsets instead,
 * in each package's layout ({@code rnnbook/chapters/ch10/samples/NAME/}, made by
 * {@code chapters/src/main/python/make_ch10_samples.py}); at full scale the real set, as every loader does.
 */
public final class ChapterData {
    private ChapterData() {
    }

    /** The files of set {@code name}: this chapter's subset at CI scale, the real set at full scale. */
    public static SetFiles open(String name) {
        if (Source.current() == Source.CACHE) {
            return Source.CACHE.open(name);
        }
        Path root = Source.resourceFolder(ChapterData.class, "samples/" + name).orElseThrow(() ->
                new IllegalStateException("chapter 10 has no subset of data set " + name
                        + " (rnnbook/chapters/ch10/samples/" + name + " is not on the classpath)"));
        return new SetFiles(Source.sample(name).set(), root);
    }
}
