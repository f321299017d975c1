package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralcanvas.engine.train.TrainedModel;

/** A Keras file's weights reach the network we train, and it predicts as DL4J's import of the file does. */
class KerasWeightTransferTest {

    @ParameterizedTest
    @ValueSource(strings = {"keras2_sequential_mlp.h5", "keras1_sequential_mlp.h5", "keras2_functional_mnist_cnn.h5",
            "keras2_sequential_lstm.h5", "keras2_functional_residual.h5"})
    void importedWeightsAreCarriedIntoTheTrainableModel(String file) throws Exception {
        KerasImportResult r = new KerasImporter().importFile(KerasImporterTest.resource(file), KerasImportOptions.defaults(),
                ImportProgress.NONE, () -> false);
        List<String> why = new ArrayList<>();
        Optional<TrainedModel> model = KerasWeightTransfer.transfer(r, why);
        if (r.weightsLoaded()) {
            assertTrue(model.isPresent(), () -> file + ": " + why);
            assertEquals(r.summary().totalParams(), model.get().network().numParams());
        } else {
            assertTrue(model.isEmpty());
            assertEquals(1, why.size());
        }
    }
}
