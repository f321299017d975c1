package org.neuralcanvas.engine.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;

/**
 * The parts of a Keras {@code .h5} file the importer reads: the {@code model_config} JSON, the
 * Keras version and the {@code training_config}. Checks the file before handing it to the
 * HDF5 library (exists, readable, HDF5 at all, not a Keras 3 zip) so that each failure is a
 * sentence, and opens it read-only: importing never changes the file.
 */
record KerasH5File(String modelConfig, String kerasVersion, String trainingConfig) {

    private static final Sentences SAY = EngineSentences.SAY;
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    static KerasH5File read(Path file) throws KerasImportException {
        checkFile(file);
        try {
            // The HDF5 library prints its error stack to stderr on a bad file; we report failures ourselves.
            org.bytedeco.hdf5.Exception.dontPrint();
        } catch (LinkageError e) {
            throw new KerasImportException(SAY.say("keras.hdf5Library"), e);
        }
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute("model_config")) {
                throw new KerasImportException(SAY.say("keras.weightsOnly", name(file)));
            }
            String config = archive.readAttributeAsJson("model_config");
            String version = archive.hasAttribute("keras_version") ? archive.readAttributeAsString("keras_version") : "";
            String training = archive.hasAttribute("training_config")
                    ? archive.readAttributeAsJson("training_config") : null;
            return new KerasH5File(config, version, training);
        } catch (KerasImportException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new KerasImportException(SAY.say("keras.damaged", name(file)), e);
        }
    }

    private static void checkFile(Path file) throws KerasImportException {
        if (!Files.isRegularFile(file)) {
            throw new KerasImportException(SAY.say("keras.noFile", file.toString()));
        }
        if (!Files.isReadable(file)) {
            throw new KerasImportException(SAY.say("keras.noPermission", file.toString()));
        }
        byte[] head = new byte[8];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int n = in.readNBytes(head, 0, 8);
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                throw new KerasImportException(SAY.say("keras.zip", name(file)));
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (!isHdf5(file, head, size)) {
            throw new KerasImportException(SAY.say("keras.notHdf5", name(file)));
        }
    }

    /** The file's name as a String, so that MessageFormat shows it as it is. */
    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    private static KerasImportException cannotRead(Path file, IOException e) {
        return new KerasImportException(SAY.say("keras.cannotRead", file.toString(), String.valueOf(e.getMessage())),
                e);
    }

    /** HDF5 puts its signature at byte 0, or after a user block at 512, 1024, 2048, ... */
    private static boolean isHdf5(Path file, byte[] head, long size) throws KerasImportException {
        if (Arrays.equals(head, HDF5_SIGNATURE)) {
            return true;
        }
        try (var channel = Files.newByteChannel(file)) {
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
