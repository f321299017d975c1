package org.neuralcanvas.dataset.own;

import java.util.List;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.domain.text.Sentences;

/** What the own-data import says, from the dataset bundle (English and Simplified Chinese). */
final class OwnDataSentences {

    static final Sentences SAY = new Sentences("org.neuralcanvas.dataset.sentences");
    /** A sentence lists at most this many rows or files, then says how many more. */
    static final int LISTED = 8;

    private OwnDataSentences() {
    }

    static DatasetException unreadable(String key, Object... args) {
        return new DatasetException(DatasetException.Reason.UNREADABLE, SAY.say(key, args));
    }

    static DatasetException invalid(String key, Object... args) {
        return new DatasetException(DatasetException.Reason.INVALID_OPTIONS, SAY.say(key, args));
    }

    /** "a; b; c" or "a; b; … and 5 more" for a sentence's list. */
    static String list(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(SAY.say("own.list.separator"), items);
        }
        return String.join(SAY.say("own.list.separator"), items.subList(0, LISTED))
                + SAY.say("own.list.more", String.valueOf(items.size() - LISTED));
    }
}
