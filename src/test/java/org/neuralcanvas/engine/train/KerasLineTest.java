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

    @Test
    void aReducedLearningRateIsPrintedAsKerasPrintsItsFloat() {
        assertEquals("Epoch 23: ReduceLROnPlateau reducing learning rate to 0.0001.", KerasLine.reducedLearningRate(23, 1e-4));
        assertEquals("Epoch 3: ReduceLROnPlateau reducing learning rate to 0.05.", KerasLine.reducedLearningRate(3, 0.05));
        assertEquals("Epoch 9: ReduceLROnPlateau reducing learning rate to 1e-05.", KerasLine.reducedLearningRate(9, 1e-5));
        assertEquals("Epoch 2: ReduceLROnPlateau reducing learning rate to 1.5e-07.",
                KerasLine.reducedLearningRate(2, 1.5e-7));
        assertEquals("Epoch 4: ReduceLROnPlateau reducing learning rate to 1.0.", KerasLine.reducedLearningRate(4, 1));
    }

    @Test
    void aRunsHistoryKeepsTheLearningRateEachEpochEndedWith() {
        EpochResult first = new EpochResult(1, Map.of("loss", 0.5), 1e-3, 1.0, 100);
        EpochResult second = new EpochResult(2, Map.of("loss", 0.4), 1e-4, 1.0, 100);
        assertEquals(java.util.List.of(Map.of("loss", 0.5, "learning_rate", 1e-3), Map.of("loss", 0.4, "learning_rate", 1e-4)),
                EpochResult.historyMaps(java.util.List.of(first, second)));
    }
}
