package org.neuralcanvas.dataset.own;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.neuralcanvas.dataset.DatasetException;

/**
 * A CSV file as cells: the header's column names and every other row with its row number as a spreadsheet shows
 * it (the header is row 1). Commas separate, double quotes enclose cells holding commas, quotes ("" inside) or line
 * breaks, as RFC 4180 says; a UTF-8 byte-order mark is skipped. Read once; every target column chosen later is
 * made from these cells, not from the file again.
 *
 * @param columns   the header's names (a nameless column is called "column N")
 * @param rows      the cells of each data row, as written (rows of the wrong length are kept: the dataset names them)
 * @param rowNumbers each data row's number, the header being row 1 (blank lines count, as in an editor)
 * @param sha256    the file's checksum
 */
public record CsvTable(List<String> columns, List<String[]> rows, int[] rowNumbers, String sha256) {

    /** Bigger files are not read whole into memory: a table of that size is no tutorial's. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    public static CsvTable parse(byte[] bytes, String fileName) throws DatasetException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw OwnDataSentences.unreadable("own.csv.notUtf8", fileName);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false; // the record has something in it (a blank line is no row)
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    cells.add(cell.toString());
                    records.add(cells.toArray(new String[0]));
                    numbers.add(recordLine);
                }
                cells.clear();
                cell.setLength(0);
                any = false;
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                if (!Character.isWhitespace(c)) {
                    any = true;
                }
            }
        }
        if (quoted) {
            throw OwnDataSentences.unreadable("own.csv.openQuote", fileName, recordLine);
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            records.add(cells.toArray(new String[0]));
            numbers.add(recordLine);
        }
        if (records.isEmpty()) {
            throw OwnDataSentences.unreadable("own.csv.empty", fileName);
        }
        String[] header = records.get(0);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String n = header[c].trim();
            names.add(n.isEmpty() ? OwnDataSentences.SAY.say("own.csv.unnamedColumn", c + 1) : n);
        }
        if (names.size() < 2) {
            throw OwnDataSentences.unreadable("own.csv.oneColumn", fileName);
        }
        int[] rowNumbers = new int[records.size() - 1];
        for (int r = 1; r < records.size(); r++) {
            rowNumbers[r - 1] = numbers.get(r);
        }
        return new CsvTable(List.copyOf(names), List.copyOf(records.subList(1, records.size())), rowNumbers,
                FileDigest.sha256(bytes));
    }

    /**
     * The rows of two tables with the same header, the second's after the first's (a held-out table after the one
     * that trains); each row keeps its number in its own file.
     */
    public static CsvTable joined(CsvTable first, CsvTable second) {
        List<String[]> rows = new ArrayList<>(first.rows());
        rows.addAll(second.rows());
        int[] numbers = new int[first.rowNumbers().length + second.rowNumbers().length];
        System.arraycopy(first.rowNumbers(), 0, numbers, 0, first.rowNumbers().length);
        System.arraycopy(second.rowNumbers(), 0, numbers, first.rowNumbers().length, second.rowNumbers().length);
        return new CsvTable(first.columns(), List.copyOf(rows), numbers, first.sha256());
    }
}
