package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.RunRecord;
import org.neuralcanvas.project.TrainingSettings;

class HistoryCsvExporterTest {

    @Test
    void oneRowPerEpochWithLossThenMetricsThenValidation() throws Exception {
        RunRecord run = new RunRecord("run-1", "2026-01-01T00:00:00Z", TrainingSettings.defaults(), "mnist", "finished",
                List.of(Map.of("loss", 0.25, "accuracy", 0.9, "val_loss", 0.3, "val_accuracy", 0.88),
                        Map.of("loss", 0.125, "accuracy", 0.95, "val_loss", 0.2, "val_accuracy", 0.9)));
        String csv = new HistoryCsvExporter().export(run);
        assertEquals("""
                epoch,loss,accuracy,val_loss,val_accuracy
                1,0.25,0.9,0.3,0.88
                2,0.125,0.95,0.2,0.9
                """, csv);
        Golden.check("history.csv", csv);
    }

    @Test
    void missingValuesAreLeftEmpty() {
        RunRecord run = new RunRecord("run-1", "t", TrainingSettings.defaults(), "mnist", "stopped",
                List.of(Map.of("loss", 1.0), Map.of("loss", 0.5, "val_loss", 0.0001)));
        assertEquals("epoch,loss,val_loss\n1,1.0,\n2,0.5,0.0001\n", new HistoryCsvExporter().export(run));
    }

    @Test
    void theLearningRateIsTheLastColumn() {
        RunRecord run = new RunRecord("run-1", "t", TrainingSettings.defaults(), "mnist", "finished",
                List.of(Map.of("loss", 1.0, "val_loss", 1.5, "learning_rate", 0.001),
                        Map.of("loss", 0.5, "val_loss", 1.0, "learning_rate", 0.0001)));
        assertEquals("epoch,loss,val_loss,learning_rate\n1,1.0,1.5,0.001\n2,0.5,1.0,0.0001\n",
                new HistoryCsvExporter().export(run));
    }
}
