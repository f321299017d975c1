package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 damaged copies of the Keras fixtures — truncated, bytes flipped, header fields set to absurd
 * values, a .keras file's config with wrong or huge sizes, its weights file damaged — each must give
 * a sentence or a model that passed the layer check; none may crash the process or take longer than
 * the time bound.
 */
class KerasFuzzTest {

    private static final List<String> FIXTURES = List.of("keras2_sequential_mlp.h5", "keras1_sequential_mlp.h5",
            "keras2_functional_cnn_bn.h5", "keras2_sequential_bilstm.h5", "keras2_functional_two_inputs.h5",
            "keras2_tf2_sequential_lstm.h5", "keras3_sequential_mlp.h5", "keras3_sequential_mlp.keras",
            "keras3_functional_lstm.keras");

    @Test
    void damagedFilesGiveASentenceOrACheckedModelAndNeverHang(@TempDir Path dir) throws Exception {
        Random random = new Random(2026);
        KerasImportOptions options = KerasImportOptions.defaults().withTimeout(Duration.ofSeconds(20));
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String fixture = FIXTURES.get(i % FIXTURES.size());
            byte[] original = Files.readAllBytes(KerasImporterTest.resource(fixture));
            int kind = random.nextInt(fixture.endsWith(".keras") ? 6 : 4);
            byte[] damaged = switch (kind) {
                case 0 -> Arrays.copyOf(original, random.nextInt(original.length));
                case 1 -> flip(original, random, 1 + random.nextInt(20));
                case 2 -> absurd(original, random);
                case 3 -> flip(original, random, 1 + random.nextInt(3));
                case 4 -> rezip(original, "config.json", b -> mutateNumbers(b, random));
                default -> rezip(original, "model.weights.h5", b -> flip(b, random, 1 + random.nextInt(10)));
            };
            Path file = dir.resolve(i + "-" + fixture);
            Files.write(file, damaged);
            String what = file.getFileName() + " (mutation " + kind + ")";
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> importOnce(file, options, what),
                    what + " took too long");
            outcomes.add(outcome);
        }
        assertTrue(outcomes.stream().anyMatch(o -> o.equals("sentence")), "some damage is refused");
        assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("opened")), "some damage leaves a model to open");
    }

    private static String importOnce(Path file, KerasImportOptions options, String what) {
        try {
            KerasImportResult r = new KerasImporter().importFile(file, options, ImportProgress.NONE, () -> false);
            for (String m : r.messages()) {
                readable(m, what);
            }
            return r.weightsLoaded() ? "opened with weights" : "opened";
        } catch (KerasImportException e) {
            readable(e.getMessage(), what);
            return "sentence";
        } catch (RuntimeException | Error e) {
            fail(what + " threw " + e, e);
            return "";
        }
    }

    private static void readable(String sentence, String what) {
        assertTrue(sentence.endsWith(".") || sentence.endsWith("。"), what + ": " + sentence);
        assertFalse(sentence.contains("Exception") || sentence.contains("\tat "), what + ": " + sentence);
    }

    private static byte[] flip(byte[] data, Random random, int count) {
        byte[] copy = data.clone();
        for (int i = 0; i < count && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return copy;
    }

    /** Eight bytes somewhere in the first 4 KB (HDF5's headers: sizes, addresses, dimensions) set to 0xFF or 0x7F... */
    private static byte[] absurd(byte[] data, Random random) {
        byte[] copy = data.clone();
        int at = random.nextInt(Math.max(1, Math.min(copy.length - 8, 4096)));
        for (int i = 0; i < 8; i++) {
            copy[at + i] = (byte) (i == 7 ? 0x7f : 0xff);
        }
        return copy;
    }

    /** Every number in the JSON replaced, one time in three, by a wrong, huge or negative one. */
    private static byte[] mutateNumbers(byte[] json, Random random) {
        String text = new String(json, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?<=[:\\[ ,])(\\d+)(?=[,\\] }])").matcher(text);
        StringBuilder out = new StringBuilder();
        String[] replacements = {"0", "-1", "2000000000", "99999999999", "13", "1"};
        while (m.find()) {
            m.appendReplacement(out, random.nextInt(3) == 0 ? replacements[random.nextInt(replacements.length)]
                    : m.group());
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rezip(byte[] zip, String entry, UnaryOperator<byte[]> change)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        entries.computeIfPresent(entry, (k, v) -> change.apply(v));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        return buffer.toByteArray();
    }
}
