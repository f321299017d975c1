package org.neuralcanvas.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuralcanvas.engine.eval.BatchPrediction;
import org.neuralcanvas.engine.io.ModelFileException;
import org.neuralcanvas.engine.io.ModelStore;
import org.neuralcanvas.engine.io.Npy;
import org.neuralcanvas.engine.train.TrainedModel;

/**
 * {@code predict MODEL.nc.zip --input X.npy [--input X2.npy] --out Y.npy}: Keras's {@code model.predict}
 * on arrays kept as NumPy files (or CSV, one sample per row), so an imported model can be checked
 * against Keras's own predictions. One {@code --input} per Input of the model, in its input order.
 */
public final class PredictCommand implements CliCommand {

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String usage() {
        return "predict MODEL.nc.zip --input X.npy|X.csv [--input X2.npy] --out Y.npy|Y.csv  the model's outputs for "
                + "the given samples";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path modelFile = null;
        Path target = null;
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--input") && i + 1 < args.size()) {
                inputs.add(Path.of(args.get(++i)));
            } else if (a.equals("--out") && i + 1 < args.size()) {
                target = Path.of(args.get(++i));
            } else if (!a.startsWith("--") && modelFile == null) {
                modelFile = Path.of(a);
            } else {
                err.println("Usage: " + usage());
                return 2;
            }
        }
        if (modelFile == null || target == null || inputs.isEmpty()) {
            err.println("Usage: " + usage());
            return 2;
        }
        try {
            TrainedModel model = ModelStore.load(modelFile);
            List<Npy> arrays = new ArrayList<>();
            for (Path input : inputs) {
                arrays.add(read(input));
            }
            Npy y = BatchPrediction.predict(model, arrays);
            write(y, target);
            out.println("Wrote " + target + ": " + y.shape()[0] + " predictions of "
                    + (y.values().length / Math.max(1, y.shape()[0])) + " values each");
            return 0;
        } catch (ModelFileException | BatchPrediction.ShapeMismatch e) {
            err.println(e.getMessage());
        } catch (IOException e) {
            err.println(e instanceof Npy.NpyException ? e.getMessage()
                    : "Could not read or write a file (" + e.getMessage() + "). Check the names and folders.");
        }
        return 1;
    }

    private static Npy read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Npy.NpyException("There is no file " + file + ". Check the name and folder.");
        }
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return Npy.read(file);
        }
        List<float[]> rows = new ArrayList<>();
        int line = 0;
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] cells = text.split(",");
            float[] row = new float[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Float.parseFloat(cells[c].trim());
                } catch (NumberFormatException e) {
                    throw new Npy.NpyException(file.getFileName() + " line " + line + ", column " + (c + 1) + ": \""
                            + cells[c].trim() + "\" is not a number. Every cell must be one (no header row).");
                }
            }
            if (!rows.isEmpty() && rows.get(0).length != row.length) {
                throw new Npy.NpyException(file.getFileName() + " line " + line + " has " + row.length
                        + " values where the first row has " + rows.get(0).length + ".");
            }
            rows.add(row);
        }
        int width = rows.isEmpty() ? 0 : rows.get(0).length;
        float[] values = new float[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * width, width);
        }
        return new Npy(new long[] {rows.size(), width}, values);
    }

    private static void write(Npy y, Path file) throws IOException {
        if (!file.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            y.write(file);
            return;
        }
        int rows = (int) y.shape()[0];
        int width = rows == 0 ? 0 : y.values().length / rows;
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                sb.append(c == 0 ? "" : ",").append(y.values()[r * width + c]);
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
