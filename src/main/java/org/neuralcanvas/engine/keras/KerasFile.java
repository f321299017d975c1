package org.neuralcanvas.engine.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.neuralcanvas.domain.text.ByteSizes;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * A Keras model file opened for reading: its model description, Keras version, training
 * configuration and stored weights. Two layouts:
 * <ul>
 *   <li>{@code .h5} (HDF5) as {@code model.save('m.h5')} writes it in Keras 1, 2 and 3: root attributes
 *       {@code model_config}, {@code keras_version}, {@code training_config}, weights under {@code model_weights};</li>
 *   <li>{@code .keras} (Keras 3's default, a zip): {@code config.json}, {@code metadata.json} and
 *       {@code model.weights.h5}, whose weights lie under {@code layers/<class>/vars/0..n}.</li>
 * </ul>
 * Nothing is extracted: zip entries are read into memory with a cap each, checked while inflating,
 * and entries named with {@code ..} or an absolute path are refused. The file is only read.
 */
final class KerasFile implements AutoCloseable {

    private static final Sentences SAY = EngineSentences.SAY;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** config.json and metadata.json: a model description larger than this is not one Keras wrote. */
    static final long MAX_JSON_BYTES = 16L << 20;

    private final String modelConfig;
    private final String kerasVersion;
    private final String trainingConfig;
    private final Hdf5Reader weights;
    private final boolean keras3Layout;
    private final boolean weightsTooLarge;

    private KerasFile(String modelConfig, String kerasVersion, String trainingConfig, Hdf5Reader weights,
                      boolean keras3Layout, boolean weightsTooLarge) {
        this.modelConfig = modelConfig;
        this.kerasVersion = kerasVersion;
        this.trainingConfig = trainingConfig;
        this.weights = weights;
        this.keras3Layout = keras3Layout;
        this.weightsTooLarge = weightsTooLarge;
    }

    /**
     * @param maxWeightBytes a {@code .keras} file's weights larger than this are not read (its architecture still is)
     */
    static KerasFile open(Path file, long maxWeightBytes) throws KerasImportException {
        byte[] head = checkFile(file);
        if (isZip(head)) {
            return openZip(file, maxWeightBytes);
        }
        if (!isHdf5(file, head)) {
            throw new KerasImportException(SAY.say("keras.notHdf5", name(file)));
        }
        Hdf5Reader h5;
        try {
            h5 = Hdf5Reader.open(file);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new KerasImportException(SAY.say("keras.damaged", name(file)), e);
        }
        try {
            String config = h5.text("", "model_config").orElse(null);
            if (config == null) {
                throw new KerasImportException(SAY.say("keras.weightsOnly", name(file)));
            }
            return new KerasFile(config, h5.text("", "keras_version").orElse(""),
                    h5.text("", "training_config").orElse(null), h5, false, false);
        } catch (KerasImportException e) {
            h5.close();
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            h5.close();
            throw new KerasImportException(SAY.say("keras.damaged", name(file)), e);
        }
    }

    String modelConfig() {
        return modelConfig;
    }

    String kerasVersion() {
        return kerasVersion;
    }

    /**
     * The backend the file was saved with ({@code tensorflow}, {@code theano}, ...; empty where it does not say):
     * Theano convolves with flipped kernels.
     */
    String backend() {
        if (weights == null || keras3Layout) {
            return "";
        }
        return weights.text("", "backend").or(() -> weights.text("model_weights", "backend")).orElse("");
    }

    /** {@code training_config} of an .h5, or {@code compile_config} of a .keras file; null where the model was not compiled. */
    String trainingConfig() {
        return trainingConfig;
    }

    /** The stored weights, read layer by layer; empty for a .keras file whose weights were too large to read. */
    KerasWeightSource weights(KerasModelConfig config) {
        if (weights == null) {
            return KerasWeightSource.NONE;
        }
        return keras3Layout ? new Keras3Weights(weights, config) : new LegacyH5Weights(weights);
    }

    @Override
    public void close() {
        if (weights != null) {
            weights.close();
        }
    }

    private static KerasFile openZip(Path file, long maxWeightBytes) throws KerasImportException {
        Map<String, byte[]> entries = new HashMap<>();
        boolean weightsTooLarge = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                if (!safeEntryName(entryName)) {
                    throw new KerasImportException(SAY.say("keras.zip.unsafeEntry", name(file), entryName));
                }
                long cap = switch (entryName) {
                    case "config.json", "metadata.json" -> MAX_JSON_BYTES;
                    case "model.weights.h5" -> maxWeightBytes;
                    default -> -1; // assets and anything else: not needed, not read
                };
                if (cap < 0) {
                    continue;
                }
                byte[] data = readCapped(zip, cap);
                if (data == null) {
                    if (!entryName.equals("model.weights.h5")) {
                        throw new KerasImportException(SAY.say("keras.zip.entryTooLarge", name(file), entryName,
                                ByteSizes.human(cap)));
                    }
                    weightsTooLarge = true;
                } else {
                    entries.put(entryName, data);
                }
            }
        } catch (KerasImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new KerasImportException(SAY.say("keras.zip.damaged", name(file)), e);
        }
        byte[] config = entries.get("config.json");
        if (config == null) {
            throw new KerasImportException(SAY.say("keras.zip.noConfig", name(file)));
        }
        String version = "";
        String training = null;
        String modelConfig = new String(config, StandardCharsets.UTF_8);
        try {
            JsonNode root = JSON.readTree(modelConfig);
            if (root != null && root.path("compile_config").isObject()) {
                training = root.get("compile_config").toString();
            }
            byte[] metadata = entries.get("metadata.json");
            if (metadata != null) {
                version = JSON.readTree(metadata).path("keras_version").asText("");
            }
        } catch (IOException e) {
            throw new KerasImportException(SAY.say("keras.configNotJson"));
        }
        byte[] h5 = entries.get("model.weights.h5");
        Hdf5Reader weights = null;
        if (h5 != null) {
            try {
                weights = Hdf5Reader.of(h5);
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                throw new KerasImportException(SAY.say("keras.zip.weightsDamaged", name(file)), e);
            }
        }
        return new KerasFile(modelConfig, version, training, weights, true, weightsTooLarge);
    }

    /** Whether a .keras file's weights were over the limit and so not read. */
    boolean weightsTooLarge() {
        return weightsTooLarge;
    }

    /** No {@code ..} step, no absolute path, no drive letter, no backslashes: an entry stays inside the archive. */
    static boolean safeEntryName(String entryName) {
        if (entryName.isEmpty() || entryName.startsWith("/") || entryName.contains("\\") || entryName.contains(":")
                || entryName.indexOf('\0') >= 0) {
            return false;
        }
        return Arrays.stream(entryName.split("/")).noneMatch(".."::equals);
    }

    /** The entry's bytes, or null when it inflates to more than {@code cap} (counted as it inflates, not as it claims). */
    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > cap) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static byte[] checkFile(Path file) throws KerasImportException {
        if (!Files.isRegularFile(file)) {
            throw new KerasImportException(SAY.say("keras.noFile", file.toString()));
        }
        if (!Files.isReadable(file)) {
            throw new KerasImportException(SAY.say("keras.noPermission", file.toString()));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = new byte[8];
            int n = in.readNBytes(head, 0, 8);
            return n == 8 ? head : Arrays.copyOf(head, n);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The file's name as a String, so that MessageFormat shows it as it is. */
    static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    private static KerasImportException cannotRead(Path file, IOException e) {
        return new KerasImportException(SAY.say("keras.cannotRead", file.toString(), String.valueOf(e.getMessage())),
                e);
    }

    /** HDF5 puts its signature at byte 0, or after a user block at 512, 1024, 2048, ... */
    private static boolean isHdf5(Path file, byte[] head) throws KerasImportException {
        if (Arrays.equals(head, HDF5_SIGNATURE)) {
            return true;
        }
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            for (long offset = 512; offset + 8 <= size; offset *= 2) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(8);
                channel.position(offset);
                channel.read(buffer);
                if (Arrays.equals(buffer.array(), HDF5_SIGNATURE)) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        return false;
    }
}
