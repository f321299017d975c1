package org.neuralcanvas.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.project.AppFolders;

/** The test run never reads or writes the user's own ~/.neuralcanvas (settings, recent files, autosave, logs). */
class HermeticTestsTest {

    @Test
    void theAppsHomeIsAFolderUnderTarget() {
        Path home = AppFolders.home().toAbsolutePath().normalize();
        Path userHome = Path.of(System.getProperty("user.home"), ".neuralcanvas").toAbsolutePath().normalize();
        assertTrue(!home.equals(userHome) && home.getParent().getFileName().toString().equals("target"),
                "the surefire configuration sets -D" + AppFolders.HOME_PROPERTY + " to target/test-home, not " + home);
        assertEquals(home.resolve("logs").resolve("neuralcanvas.log"), AppFolders.logFile().toAbsolutePath().normalize());
    }

    @Test
    void theDatasetCacheIsTheOneTheBuildsFetchStepFilled() {
        // Set by the surefire configuration from the same ${neuralcanvas.datasets.dir} the fetch step writes.
        String configured = System.getProperty(DatasetCache.ROOT_PROPERTY);
        assertTrue(configured != null && !configured.isBlank(), "the surefire configuration names the dataset cache");
        assertEquals(Path.of(configured).toAbsolutePath().normalize(), DatasetCache.atDefaultLocation().root());
    }
}
