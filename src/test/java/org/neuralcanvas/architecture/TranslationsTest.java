package org.neuralcanvas.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.domain.shape.Problem;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.DatasetFit;
import org.neuralcanvas.engine.keras.ImportProgress;
import org.neuralcanvas.engine.keras.KerasImportException;
import org.neuralcanvas.engine.keras.KerasImportOptions;
import org.neuralcanvas.engine.keras.KerasImporter;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;

/**
 * Every bundle says the same things in English and Simplified Chinese: the same keys (a key missing
 * in Chinese would silently show English), the same {0}, {1} ... placeholders, and patterns that
 * MessageFormat reads as meant. The UI's texts are one bundle; the sentences from below the UI
 * ({@code domain.text.Sentences}) are one bundle per layer.
 */
class TranslationsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/org/neuralcanvas/ui/messages", "/org/neuralcanvas/domain/sentences",
            "/org/neuralcanvas/dataset/sentences", "/org/neuralcanvas/engine/sentences",
            "/org/neuralcanvas/project/sentences", "/org/neuralcanvas/export/sentences"})
    void bothLanguagesHaveTheSameKeysAndPlaceholders(String bundle) throws IOException {
        Properties en = load(bundle + ".properties");
        Properties zh = load(bundle + "_zh_CN.properties");
        assertTrue(en.size() >= 10, bundle + " keys: " + en.size());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        List<String> wrong = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            if (!arguments(e).equals(arguments(z))) {
                wrong.add(key + ": " + e + " | " + z);
            }
            if (!arguments(e).isEmpty()) {
                new MessageFormat(e); // throws on a broken pattern
                new MessageFormat(z);
                // In a pattern with placeholders a lone ' starts a quoted run: "model's {0}" would lose its {0}.
                for (String text : List.of(e, z)) {
                    if (text.replace("''", "").contains("'")) {
                        wrong.add(key + ": a lone ' in " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theDomainSpeaksTheWindowsLanguage() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(28, 28, 1)));
        b.then("Dense", Map.of("units", 10));
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
            Problem p = ShapeInference.infer(b.graph()).problems().get(0);
            assertEquals("dense（Dense）需要一维向量 (None, features)，但得到的是 (None, 28, 28, 1)，即图像 "
                    + "(None, height, width, channels)。请在 dense 之前添加一个 Flatten。", p.message());
            Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
            assertEquals("dense (Dense) expects a flat vector (None, features) but gets (None, 28, 28, 1), an image "
                    + "(None, height, width, channels). Add a Flatten before dense.",
                    ShapeInference.infer(b.graph()).problems().get(0).message());
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void theEngineExplainsADatasetThatDoesNotFitInTheWindowsLanguage() {
        ModelBuilder b = new ModelBuilder();
        b.add("Input", Map.of("shape", List.of(4)));
        b.then("Dense", Map.of("units", 10, "activation", "softmax"));
        BundledTrainingData data = new BundledTrainingData(BundledDatasets.standard());
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
            DatasetFit fit = data.check(new DatasetChoice("iris", Map.of()), TrainingSettings.defaults(), b.graph());
            assertFalse(fit.fits());
            String said = fit.problems().get(0);
            assertTrue(said.startsWith("鸢尾花") && said.contains("的标签宽度为 3，但最后一层")
                    && said.contains("请以 Dense(3, activation='softmax') 结尾。"), said);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    @Test
    void theKerasImportExplainsInTheWindowsLanguage() throws URISyntaxException {
        Path file = Path.of(TranslationsTest.class.getResource("/keras/not_hdf5.h5").toURI());
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.SIMPLIFIED_CHINESE);
            KerasImportException e = assertThrows(KerasImportException.class, () -> new KerasImporter()
                    .importFile(file, KerasImportOptions.defaults(), ImportProgress.NONE, () -> false));
            assertEquals("not_hdf5.h5 既不是 HDF5 文件也不是 zip 压缩包，因此不是 Keras 模型。请在 Keras 中用 "
                    + "model.save('model.keras') 或 model.save('model.h5') 保存模型，再打开该文件。", e.getMessage());
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }
}
