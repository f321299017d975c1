package org.neuralcanvas.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aSaveRemovesWhatAKilledSaveOfTheSameFileLeftAndNothingElse() throws Exception {
        Path project = dir.resolve("mnist.ncproj.json");
        Path leftover = dir.resolve(".mnist.ncproj.json4815162342.tmp");
        Path fresh = dir.resolve(".mnist.ncproj.json77.tmp");
        Path someoneElses = dir.resolve(".other.ncproj.json123.tmp");
        Path notOurs = dir.resolve(".mnist.ncproj.json-notes.tmp");
        for (Path p : new Path[] {leftover, fresh, someoneElses, notOurs}) {
            Files.writeString(p, "half a project");
        }
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : new Path[] {leftover, someoneElses, notOurs}) {
            Files.setLastModifiedTime(p, hourAgo);
        }

        AtomicFiles.writeString(project, "{}");

        assertEquals("{}", Files.readString(project));
        assertFalse(Files.exists(leftover), "a killed save's temporary file is removed");
        assertTrue(Files.exists(fresh), "a temporary file this young may belong to a save still running");
        assertTrue(Files.exists(someoneElses), "another file's temporary files are left alone");
        assertTrue(Files.exists(notOurs), "files we did not name are left alone");
    }

    @Test
    void openingAProjectRemovesItsStaleTemporaryFiles() throws Exception {
        Path project = dir.resolve("p.ncproj.json");
        ProjectFile.write(new Project(new org.neuralcanvas.domain.graph.ModelBuilder().graph(), TrainingSettings.defaults(),
                DatasetChoice.none(), java.util.List.of()), project);
        Path leftover = dir.resolve(".p.ncproj.json99.tmp");
        Files.writeString(leftover, "{");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(600)));
        ProjectFile.read(project);
        assertFalse(Files.exists(leftover));
    }
}
