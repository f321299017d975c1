package org.neuralcanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.project.IrisProject;
import org.neuralcanvas.project.ProjectFile;

class SweepCommandTest extends CliTestBase {

    private Path irisProject() throws Exception {
        Path file = dir.resolve("iris.ncproj.json");
        ProjectFile.write(IrisProject.create(), file);
        return file;
    }

    @Test
    void fourLearningRatesAreFourTrialsWithALineEachAndATableWithTheBestMarked() throws Exception {
        assertEquals(0, run("sweep", irisProject().toString(), "--search", "learning_rate=0.1,0.01,0.001,0.0001"), errors());
        String text = printed();
        assertTrue(text.startsWith("Searching 4 trials (grid), one after another:"), text);
        for (int t = 1; t <= 4; t++) {
            assertTrue(Pattern.compile("Trial " + t + "/4 \\[learning_rate=[0-9.]+\\] - 3 epochs - \\d+s - loss: \\d+\\.\\d{4}"
                    + " - accuracy: \\d\\.\\d{4} - val_loss: \\d+\\.\\d{4} - val_accuracy: \\d\\.\\d{4} - test accuracy: \\d\\.\\d{4}")
                    .matcher(text).find(), text);
        }
        assertEquals(1, text.split("<- best", -1).length - 1, "exactly one trial is marked best: " + text);
        assertTrue(text.contains("trial  values"), text);
    }

    @Test
    void aLayerParameterIsSearchedAndABadOneIsASentence() throws Exception {
        Path p = irisProject();
        assertEquals(0, run("sweep", p.toString(), "--search", "units:dense=4,16", "--epochs", "1"), errors());
        assertTrue(printed().contains("Trial 2/2 [units:dense=16] - 1 epochs"), printed());
        assertEquals(1, run("sweep", p.toString(), "--search", "units:hidden=4,16"));
        assertTrue(errors().contains("The model has no layer named 'hidden' (for units:hidden)."), errors());
        assertEquals(1, run("sweep", p.toString(), "--search", "learning_rate=fast"));
        assertTrue(errors().contains("learning_rate needs numbers separated by commas; 'fast' is not one."), errors());
        assertEquals(2, run("sweep", p.toString()));
    }
}
