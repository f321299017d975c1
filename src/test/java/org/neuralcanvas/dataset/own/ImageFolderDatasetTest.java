package org.neuralcanvas.dataset.own;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DenseSplit;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.TaskKind;

/** A folder with one sub-folder of pictures per class becomes an image dataset of the chosen size and colours. */
class ImageFolderDatasetTest {

    @TempDir
    Path dir;

    private static Locale before;

    @BeforeAll
    static void english() {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    private static void picture(Path file, Color colour, int width, int height, String format) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(img, format, file.toFile()));
    }

    /** pets/cats: three red pictures; pets/dogs: three white ones (one a JPEG), a damaged file; one loose picture. */
    private Path pets() throws Exception {
        Path pets = dir.resolve("pets");
        for (int i = 0; i < 3; i++) {
            picture(pets.resolve("cats/cat" + i + ".png"), Color.RED, 10 + i, 6, "png");
        }
        picture(pets.resolve("dogs/dog0.png"), Color.WHITE, 7, 9, "png");
        picture(pets.resolve("dogs/dog1.bmp"), Color.WHITE, 20, 20, "bmp");
        picture(pets.resolve("dogs/dog2.jpg"), Color.WHITE, 16, 16, "jpg");
        Files.write(pets.resolve("dogs/broken.png"), new byte[] {1, 2, 3, 4, 5});
        Files.writeString(pets.resolve("dogs/notes.txt"), "not a picture, not counted");
        picture(pets.resolve("loose.png"), Color.BLUE, 4, 4, "png");
        return pets;
    }

    @Test
    void eachSubFolderIsAClassAndEveryPictureIsResizedToTheChosenGreySize() throws Exception {
        OwnDataset pets = new OwnDatasets().load(OwnDataSpec.images(pets()).withImages(4, 5, false));
        assertEquals(List.of("cats", "dogs"), pets.descriptor().classNames());
        assertEquals(TaskKind.BINARY, pets.descriptor().task());
        assertArrayEquals(new int[] {4, 5, 1}, pets.descriptor().shape(FeatureLayout.IMAGE), "height, width, channels");
        assertEquals(FeatureLayout.IMAGE, pets.descriptor().defaultLayout());
        assertArrayEquals(new int[] {20}, pets.descriptor().shape(FeatureLayout.FLAT));
        assertEquals(255f, pets.descriptor().pixelMax(), "scaled to [0, 1] as MNIST is");
        assertEquals(4, pets.descriptor().trainCount());
        assertEquals(2, pets.descriptor().testCount());
        assertEquals(List.of(
                "pets: 6 pictures (4 to train, 2 to test) in 2 classes (cats, dogs), resized to 4×5, grey.",
                "1 file was left out: dogs/broken.png (not a PNG, JPEG, GIF or BMP picture, or damaged).",
                "1 picture directly in the folder, not in a class sub-folder, was not used."), pets.notes());

        int cats = 0;
        for (DenseSplit split : List.of((DenseSplit) pets.raw().train(), (DenseSplit) pets.raw().test())) {
            for (int i = 0; i < split.count(); i++) {
                float[] pixels = split.example(i);
                assertEquals(20, pixels.length);
                // Red's luma is 0.299 × 255 ≈ 76; white is 255 (the JPEG within a step of it).
                float expected = split.labels()[i] == 0 ? 76f : 255f;
                for (float p : pixels) {
                    assertEquals(expected, p, 2f);
                }
                cats += split.labels()[i] == 0 ? 1 : 0;
            }
        }
        assertEquals(3, cats);
    }

    @Test
    void rgbKeepsThreeChannelsChannelsLast() throws Exception {
        OwnDataset pets = new OwnDatasets().load(OwnDataSpec.images(pets()).withImages(2, 2, true));
        assertArrayEquals(new int[] {2, 2, 3}, pets.descriptor().shape(FeatureLayout.IMAGE));
        DenseSplit train = (DenseSplit) pets.raw().train();
        for (int i = 0; i < train.count(); i++) {
            if (train.labels()[i] == 0) {
                assertArrayEquals(new float[] {255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0}, train.example(i));
            }
        }
    }

    @Test
    void aChangedPictureOrAFolderWithOneClassIsASentence() throws Exception {
        Path pets = pets();
        OwnDataset loaded = new OwnDatasets().load(OwnDataSpec.images(pets));
        picture(pets.resolve("cats/cat0.png"), Color.GREEN, 10, 6, "png");
        DatasetException changed = assertThrows(DatasetException.class, () -> new OwnDatasets().load(loaded.spec()));
        assertTrue(changed.getMessage().startsWith("The pictures in " + pets + " have changed since the folder was added"),
                changed.getMessage());

        Path one = dir.resolve("one");
        picture(one.resolve("only/a.png"), Color.RED, 3, 3, "png");
        assertEquals("one has 1 sub-folders with pictures; a classifier needs at least two, one per class (for example "
                + "cats/ and dogs/, each with its pictures).",
                assertThrows(DatasetException.class, () -> new OwnDatasets().load(OwnDataSpec.images(one))).getMessage());
    }
}
