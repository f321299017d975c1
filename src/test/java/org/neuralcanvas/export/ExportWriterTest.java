package org.neuralcanvas.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWriterTest {

    @TempDir
    Path dir;

    private final ExportWriter writer = new ExportWriter();

    @Test
    void svgFileHoldsExactlyTheExportersText() throws Exception {
        Path file = dir.resolve("model.svg");
        writer.writeDiagram(ExportTemplates.mnistCnn().graph(), file);
        assertEquals(new SvgDiagramExporter().export(ExportTemplates.mnistCnn().graph()),
                Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void pngFileIsAnImage() throws Exception {
        Path file = dir.resolve("model.PNG");
        writer.writeDiagram(ExportTemplates.mnistMlp().graph(), file);
        assertTrue(ImageIO.read(file.toFile()).getWidth() > 300);
    }

    @Test
    void unknownEndingIsRefusedWithASentence() {
        ExportException e = assertThrows(ExportException.class,
                () -> writer.writeDiagram(ExportTemplates.mnistMlp().graph(), dir.resolve("model.gif")));
        assertTrue(e.getMessage().contains(".svg"), e.getMessage());
    }

    @Test
    void failedWriteLeavesTheOldFileAndSaysWhy() throws Exception {
        Path blocked = dir.resolve("file-not-folder");
        Files.writeString(blocked, "x");
        ExportException e = assertThrows(ExportException.class,
                () -> writer.writeDiagram(ExportTemplates.mnistMlp().graph(), blocked.resolve("model.svg")));
        assertTrue(e.getMessage().startsWith("Could not save "), e.getMessage());
        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(blocked));
    }

    @Test
    void scriptAndHistoryAreWritten() throws Exception {
        Path py = dir.resolve("mlp.py");
        writer.writeKerasCode(ExportTemplates.mnistMlp(), "mlp", py);
        assertTrue(Files.readString(py).contains("model.fit("));
    }
}
