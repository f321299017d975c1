package org.neuralcanvas.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.document.Feature;
import org.neuralcanvas.ui.document.FeatureHost;

/** On exit every installed feature is told to stop, in order, even when one of them fails to. */
class AppContextShutdownTest {

    @TempDir
    Path home;

    @Test
    void everyFeatureIsShutDownOnExitEvenAfterOneFails() {
        List<String> stopped = new ArrayList<>();
        AppContext ctx = AppContext.of(new UserFiles(home), Runnable::run, null, null);
        ctx.addFeature(feature("training", stopped, false));
        ctx.addFeature(feature("broken", stopped, true));
        ctx.addFeature(feature("import", stopped, false));
        ctx.shutdown();
        assertEquals(List.of("training", "broken", "import"), stopped);
    }

    private static Feature feature(String name, List<String> stopped, boolean fails) {
        return new Feature() {
            @Override
            public void install(FeatureHost window, I18n i18n) {
            }

            @Override
            public void shutdown() {
                stopped.add(name);
                if (fails) {
                    throw new IllegalStateException(name + " could not stop");
                }
            }
        };
    }
}
