package org.neuralcanvas.dataset.own;

import java.util.List;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.RawDataset;

/**
 * The user's own data, loaded: the dataset as the bundled ones are (descriptor and plain arrays), what the import
 * said about it, and the spec with its checksum.
 *
 * @param spec    what it was made from, with the SHA-256 the file had
 * @param raw     the train and test splits
 * @param notes   sentences on what the import did: rows left out (named by number), values filled in, columns dropped
 * @param columns a CSV table's column names (the target choices); empty for images
 */
public record OwnDataset(OwnDataSpec spec, RawDataset raw, List<String> notes, List<String> columns) {

    public OwnDataset {
        notes = List.copyOf(notes);
        columns = List.copyOf(columns);
    }

    public DatasetDescriptor descriptor() {
        return raw.descriptor();
    }
}
