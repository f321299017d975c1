package org.neuralcanvas.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;

class InMemoryDataTest {

    @Test
    void closingFreesOurCopyAndNeverTheCallersArrays() {
        INDArray features = Nd4j.rand(DataType.FLOAT, 20, 4);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 20, 2);
        InMemoryData copy = InMemoryData.read(new ViewIterator(new DataSet(features, labels), 8));
        assertEquals(20, copy.size());
        InMemoryData[] parts = copy.splitFromEnd(0.25);
        copy.close();
        assertTrue(copy.features().wasClosed() && copy.labels().wasClosed(), "the copy's native memory is freed");
        assertFalse(features.wasClosed() || labels.wasClosed(), "the caller's arrays are left alone");
        assertEquals(15, parts[0].size());
        assertEquals(features.getDouble(16, 1), parts[1].features().getDouble(1, 1), 0.0, "the split parts are copies");
    }
}
