package org.neuralcanvas.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format (version 1.0 to 3.0), as Keras users keep arrays ({@code np.save}):
 * little- or big-endian float32, float64 and integer arrays in C order are read as float32; writing
 * gives little-endian float32. Only the header is trusted as far as its size is checked against the
 * file: a header announcing more values than the file holds is refused before anything is allocated.
 *
 * @param shape  the array's shape ({@code ()} for a scalar)
 * @param values its values in C (row-major) order
 */
public record Npy(long[] shape, float[] values) {

    /** The file is not an array we can read; the message says why. */
    public static final class NpyException extends IOException {
        public NpyException(String message) {
            super(message);
        }
    }

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fiu])(\\d)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public static Npy read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
                throw new NpyException(file.getFileName() + " is not a NumPy .npy file (np.save writes one).");
            }
            int major = magic[6];
            byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
            ByteBuffer lb = ByteBuffer.wrap(Arrays.copyOf(lengthBytes, 4)).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
            if (headerLength > 1 << 20 || headerLength > size) {
                throw new NpyException(file.getFileName() + " has a damaged .npy header.");
            }
            String header = new String(in.readNBytes((int) headerLength), StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            Matcher fortran = FORTRAN.matcher(header);
            Matcher shapeText = SHAPE.matcher(header);
            if (!descr.find() || !shapeText.find()) {
                throw new NpyException(file.getFileName() + " has a damaged .npy header.");
            }
            if (fortran.find() && fortran.group(1).equals("True")) {
                throw new NpyException(file.getFileName() + " is stored in Fortran order; save it with "
                        + "np.save(name, np.ascontiguousarray(x)).");
            }
            char kind = descr.group(2).charAt(0);
            int width = Integer.parseInt(descr.group(3));
            if (kind == 'f' && width != 4 && width != 8 || kind != 'f' && width != 1 && width != 2 && width != 4
                    && width != 8) {
                throw new NpyException(file.getFileName() + " holds " + descr.group(2) + width
                        + " values; NeuralCanvas reads float32, float64 and integers.");
            }
            long[] shape = shape(shapeText.group(1), file);
            long count = 1;
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
            long offset = (major == 1 ? 10 : 12) + headerLength;
            if (count > Integer.MAX_VALUE || offset + count * width > size) {
                throw new NpyException(file.getFileName() + " is shorter than its header says (" + count
                        + " values); it was not saved in full.");
            }
            ByteBuffer data = ByteBuffer.wrap(in.readNBytes((int) (count * width)))
                    .order(descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[(int) count];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (kind) {
                    case 'f' -> width == 4 ? data.getFloat() : (float) data.getDouble();
                    case 'u' -> (float) unsigned(data, width);
                    default -> (float) signed(data, width);
                };
            }
            return new Npy(shape, values);
        }
    }

    public void write(Path file) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? dims.toString().trim() : dims.length() == 0 ? ""
                : dims.substring(0, dims.length() - 2);
        String header = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }",
                shapeText);
        int total = 10 + header.length() + 1;
        int padded = (total + 63) / 64 * 64;
        header = header + " ".repeat(padded - total) + "\n";
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(MAGIC);
            out.write(new byte[] {1, 0, (byte) (header.length() & 0xff), (byte) (header.length() >> 8)});
            out.write(header.getBytes(StandardCharsets.ISO_8859_1));
            out.write(data.array());
        }
    }

    private static long[] shape(String text, Path file) throws NpyException {
        List<Long> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String d = part.trim().replace("L", "");
            if (d.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(d);
                if (v < 0) {
                    throw new NumberFormatException();
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new NpyException(file.getFileName() + " has a damaged .npy header (shape " + text + ").");
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static long signed(ByteBuffer b, int width) {
        return switch (width) {
            case 1 -> b.get();
            case 2 -> b.getShort();
            case 4 -> b.getInt();
            default -> b.getLong();
        };
    }

    private static double unsigned(ByteBuffer b, int width) {
        return switch (width) {
            case 1 -> b.get() & 0xff;
            case 2 -> b.getShort() & 0xffff;
            case 4 -> b.getInt() & 0xffffffffL;
            default -> b.getLong();
        };
    }
}
