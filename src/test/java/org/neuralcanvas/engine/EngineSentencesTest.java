package org.neuralcanvas.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.domain.graph.ModelBuilder;
import org.neuralcanvas.engine.data.BundledTrainingData;
import org.neuralcanvas.engine.data.DatasetFit;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.TrainingSettings;

/**
 * The engine's English and Simplified Chinese sentences say the same things: the same keys (a key
 * missing in Chinese would throw, not fall back), the same {0}, {1} ... placeholders, and patterns
 * that MessageFormat reads as meant. And a real sentence comes out in Chinese when the window is.
 */
class EngineSentencesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EngineSentencesTest.class.getResourceAsStream("/org/neuralcanvas/engine/" + name)) {
            assertNotNull(in, name);
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

    @Test
    void bothLanguagesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = load("sentences.properties");
        Properties zh = load("sentences_zh_CN.properties");
        assertTrue(en.size() > 30, "keys: " + en.size());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        List<String> mismatched = new ArrayList<>();
        for (String key : en.stringPropertyNames()) {
            String e = en.getProperty(key);
            String z = zh.getProperty(key);
            if (!arguments(e).equals(arguments(z))) {
                mismatched.add(key + ": " + e + " | " + z);
            }
            if (!arguments(e).isEmpty()) {
                new MessageFormat(e); // throws on a broken pattern
                new MessageFormat(z);
                // In a pattern with placeholders a lone ' starts a quoted run: "Input '{2}'" would lose its {2}.
                for (String text : List.of(e, z)) {
                    if (text.replace("''", "").contains("'")) {
                        mismatched.add(key + ": a lone ' in " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), mismatched);
    }

    @Test
    void aDatasetThatDoesNotFitIsExplainedInChineseWhenTheWindowIsInChinese() {
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
            assertTrue(said.contains("的标签宽度为 3，但最后一层") && said.contains("请以 Dense(3, activation='softmax') 结尾。"),
                    said);
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }
}
