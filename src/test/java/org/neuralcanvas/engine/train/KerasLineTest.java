package org.neuralcanvas.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KerasLineTest {

    @Test
    void aFinishedEpochReadsAsKerasPrintsIt() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", 0.0712);
        m.put("accuracy", 0.97873);
        assertEquals("469/469 [==============================] - 4s 9ms/step - loss: 0.0712 - accuracy: 0.9787",
                KerasLine.epochLine(469, 4.2, m));
    }

    @Test
    void aRunningEpochShowsTheArrowTheEtaAndTheMeanLoss() {
        assertEquals(" 47/469 [==>...........................] - ETA: 9s - loss: 0.5000",
                KerasLine.running(47, 469, 1.0, 0.5));
    }
}
