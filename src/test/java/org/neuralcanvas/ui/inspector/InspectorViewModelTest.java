package org.neuralcanvas.ui.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.project.templates.Templates;
import org.neuralcanvas.ui.common.UserFiles;
import org.neuralcanvas.ui.document.MainViewModel;

class InspectorViewModelTest {

    @TempDir
    Path home;

    private MainViewModel main;
    private InspectorViewModel vm;

    @BeforeEach
    void setUp() {
        main = new MainViewModel(new UserFiles(home), Runnable::run);
        main.newFromTemplate(new Templates().find("mnist_cnn").orElseThrow());
        vm = new InspectorViewModel(main);
    }

    private LayerNode select(String name) {
        LayerNode n = main.document().graph().findByName(name).orElseThrow();
        main.selection().select(n.id());
        return n;
    }

    private LayerNode current(String id) {
        return main.document().graph().node(id);
    }

    @Test
    void aTupleIsTypedAsNumbersSeparatedByCommas() {
        String id = select("conv2d").id();
        assertEquals(Optional.empty(), vm.setParam("kernel_size", "5, 5"));
        assertEquals(List.of(5, 5), current(id).params().getTuple("kernel_size"));
        vm.setParam("kernel_size", "(2,2)");
        assertEquals(List.of(2, 2), current(id).params().getTuple("kernel_size"));
    }

    @Test
    void aTupleOfTheWrongLengthIsRefused() {
        String id = select("conv2d").id();
        Optional<String> refusal = vm.setParam("kernel_size", "3, 3, 3");
        assertEquals(Optional.of("kernel_size must have 2 numbers; it has 3."), refusal);
        assertEquals(List.of(3, 3), current(id).params().getTuple("kernel_size"));
        assertEquals("kernel_size must have 2 numbers; it has 3.", vm.errorProperty().get());
    }

    @Test
    void aRefusalIsNotLeftStandingAfterAnUndo() {
        String id = select("dense").id();
        vm.setParam("units", "64");
        vm.setParam("units", "many");
        assertTrue(vm.errorProperty().get().startsWith("units must be a whole number"), vm.errorProperty().get());
        main.undo();
        assertEquals(128, current(id).params().getInt("units"));
        assertEquals("", vm.errorProperty().get(), "the refusal was about a value the fields no longer show");
    }

    @Test
    void textThatIsNotANumberIsRefusedWithASentence() {
        select("dense");
        Optional<String> refusal = vm.setParam("units", "many");
        assertTrue(refusal.orElseThrow().startsWith("units must be a whole number"), refusal.get());
    }

    @Test
    void noneIsAcceptedWherePythonAllowsIt() {
        String id = select("max_pooling2d").id();
        assertEquals(Optional.empty(), vm.setParam("strides", "None"));
        assertEquals(null, current(id).params().get("strides"));
        vm.setParam("strides", "1, 1");
        assertEquals(List.of(1, 1), current(id).params().getTuple("strides"));
    }

    @Test
    void eachAcceptedChangeIsOneUndoableEdit() {
        String id = select("dense").id();
        vm.setParam("units", "64");
        vm.setParam("activation", "tanh");
        main.undo();
        assertEquals("relu", current(id).params().getString("activation"));
        assertEquals(64, current(id).params().getInt("units"));
    }

    @Test
    void aRenameToATakenNameIsRefused() {
        String id = select("dense").id();
        Optional<String> refusal = vm.rename("flatten");
        assertEquals(Optional.of("Another layer is already named 'flatten'. Layer names must be unique."), refusal);
        assertEquals(Optional.empty(), vm.rename("classifier_hidden"));
        assertEquals("classifier_hidden", current(id).name());
    }

    @Test
    void theInspectorFollowsTheSelection() {
        select("dense");
        assertEquals("dense", vm.nodeProperty().get().name());
        main.selection().clear();
        assertEquals(null, vm.nodeProperty().get());
    }
}
