package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.MainViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.project.templates.Templates;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.training.RunPhase;
import org.neuralcanvas.ui.training.TrainingViewModel;

/**
 * The app's document, training and autosave without a window, in a JVM of its own for {@link RecoveryAfterKillTest}:
 * opens the quick-start template, trains it once, says {@code RECORDED run-1} on stdout when the run is in the
 * project, and then waits, never saving by hand, until it is killed.
 */
public final class TrainThenWaitMain {

    private TrainThenWaitMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        Platform.runLater(() -> {
            UserFiles files = new UserFiles(home);
            MainViewModel main = new MainViewModel(files, Executors.newSingleThreadExecutor());
            main.newFromTemplate(new Templates().find("keras_quickstart").orElseThrow());
            TrainingViewModel training = new TrainingViewModel(main, new BundledTrainingData(BundledDatasets.standard()),
                    Executors.newSingleThreadExecutor(), Platform::runLater, () -> new I18n(Locale.ENGLISH));
            new Autosave(main, files, Duration.ofMillis(200)).start();
            training.phaseProperty().addListener((o, was, now) -> {
                var runs = main.document().project().runs();
                if (now == RunPhase.IDLE && !runs.isEmpty()) {
                    System.out.println("RECORDED " + runs.get(0).id());
                    System.out.flush();
                }
            });
            training.train();
        });
        // Never ends by itself: the test kills it (SIGKILL, no shutdown hook runs), so this latch is never counted down.
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
