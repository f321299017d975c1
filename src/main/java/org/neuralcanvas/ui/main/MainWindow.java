package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.Prompts;
import org.neuralcanvas.ui.document.Feature;
import org.neuralcanvas.ui.document.FeatureHost;
import org.neuralcanvas.ui.document.ReplaceGuard;
import org.neuralcanvas.ui.document.MainViewModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.ui.canvas.CanvasCommands;
import org.neuralcanvas.ui.canvas.CanvasView;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Subscriptions;
import org.neuralcanvas.ui.inspector.InspectorView;
import org.neuralcanvas.ui.inspector.InspectorViewModel;
import org.neuralcanvas.ui.palette.LayerDropTarget;
import org.neuralcanvas.ui.palette.PaletteView;
import org.neuralcanvas.ui.summary.ProblemsView;
import org.neuralcanvas.ui.summary.SummaryView;

/**
 * The main window: palette on the left, canvas in the centre, inspector on the right, summary
 * and problems below, status bar at the bottom. Later features plug in through
 * {@link #addMenu}, {@link #addBottomTab} and {@link #addRightTab}: each is a {@link Feature} that sees the window
 * as a {@link FeatureHost} only.
 * Switching language rebuilds the scene from the same view model, so nothing is lost; what the old scene attached to
 * the view model is detached (each build's {@link Subscriptions}), so no old view lives on.
 */
public final class MainWindow implements FeatureHost {

    private final AppContext ctx;
    private final MainViewModel vm;
    private final Stage stage;
    private final FileActions fileActions;
    private final Autosave autosave;
    private I18n i18n;
    private CanvasView canvas;
    private CanvasCommands commands;
    private MenuBar menuBar;
    private TabPane bottomTabs;
    private SplitPane vertical;
    private TabPane rightTabs;
    private SummaryView summaryView;
    private ProblemsView problemsView;
    private InspectorView inspectorView;
    private PaletteView paletteView;
    private Subscriptions built;
    private SidePanels sidePanels;
    private StackPane canvasArea;
    /** The bottom area's divider as the user left it, for the first layout after a language switch. */
    private Double keptBottomDivider;

    public MainWindow(AppContext ctx, MainViewModel vm, Stage stage) {
        this.ctx = ctx;
        this.vm = vm;
        this.stage = stage;
        FxDialogs fx = new FxDialogs(() -> stage, () -> i18n);
        ctx.useDialogs(fx, fx);
        this.fileActions = new FileActions(vm, ctx.fileDialogs(), ctx.prompts(), () -> i18n, ctx.background(),
                javafx.application.Platform::runLater);
        this.autosave = new Autosave(vm, ctx.userFiles(), Duration.ofSeconds(30));
        build(ctx.userFiles().language());
        stage.setOnCloseRequest(e -> {
            if (!closeAllowed()) {
                e.consume();
            }
        });
        // Never larger than the screen: a window past its edges hides the status bar (and breaks headless screens).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1400, screen.getWidth()));
        // Smaller than this, the Train panel and the summary have no room left; hide the side panels for more canvas.
        stage.setMinWidth(Math.min(800, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setHeight(Math.min(880, screen.getHeight()));
        stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
    }

    private void build(Locale locale) {
        // The language of the sentences from below the UI (shape problems, dataset advice): domain.text.Sentences.
        Locale.setDefault(Locale.Category.DISPLAY, locale);
        vm.refreshProblems();
        i18n = new I18n(locale);
        built = new Subscriptions();
        // Each build binds the title again, so that "Untitled" is said in the new language.
        built.bind(stage.titleProperty(), Bindings.createStringBinding(() -> (vm.dirtyProperty().get() ? "• " : "")
                        + (vm.displayNameProperty().get().isEmpty() ? i18n.get("title.untitled")
                        : vm.displayNameProperty().get()) + " — NeuralCanvas",
                vm.dirtyProperty(), vm.displayNameProperty()));
        canvas = new CanvasView(vm, i18n, ctx.icons());
        commands = new CanvasCommands(canvas);
        Pane dragLayer = new Pane();
        dragLayer.setMouseTransparent(true);
        dragLayer.setPickOnBounds(false);
        paletteView = new PaletteView(ctx.catalog(), i18n, ctx.icons(), new LayerDropTarget() {
            @Override
            public boolean accepts(double x, double y) {
                return commands.containsScene(x, y);
            }

            @Override
            public void drop(LayerKind kind, double x, double y) {
                commands.dropAt(kind, x, y);
            }

            @Override
            public void append(LayerKind kind) {
                commands.append(kind);
            }
        }, dragLayer);
        inspectorView = new InspectorView(new InspectorViewModel(vm), i18n, ctx.icons());
        summaryView = new SummaryView(vm.summaryProperty(), vm.selection(), i18n);
        problemsView = new ProblemsView(vm.problemsProperty(), () -> vm.document().graph(), vm.selection(), i18n);

        problemsView.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.nodeId() != null) {
                canvas.reveal(b.nodeId());
            }
        });
        Tab summaryTab = new Tab(i18n.get("tab.summary"), summaryView);
        summaryTab.setId("tab-summary");
        Tab problemsTab = new Tab(i18n.get("tab.problems"), problemsView);
        problemsTab.setId("tab-problems");
        built.bind(problemsTab.textProperty(), Bindings.createStringBinding(() -> vm.problemCountProperty().get() == 0
                ? i18n.get("tab.problems") : i18n.get("tab.problems") + " (" + vm.problemCountProperty().get() + ")",
                vm.problemCountProperty()));
        bottomTabs = new TabPane(summaryTab, problemsTab);
        bottomTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab inspectorTab = new Tab(i18n.get("tab.inspector"), inspectorView);
        inspectorTab.setId("tab-inspector");
        rightTabs = new TabPane(inspectorTab);
        rightTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        canvasArea = new StackPane(canvas);
        VBox centre = new VBox(canvasToolBar(), canvasArea);
        VBox.setVgrow(canvasArea, Priority.ALWAYS);
        vertical = new SplitPane(centre, bottomTabs);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.70);
        sidePanels = new SidePanels(paletteView, vertical, rightTabs, ctx.userFiles());
        // The summary and problems keep room for several rows in a short window (a 700 px laptop one): a fixed
        // 30 % left them one row. A divider the user dragged stays until the window's height changes.
        vertical.heightProperty().addListener((o, a, h) -> javafx.application.Platform.runLater(() -> {
            if (keptBottomDivider != null) { // the first layout after a language switch: where the user had it
                vertical.setDividerPositions(keptBottomDivider);
                keptBottomDivider = null;
            } else {
                vertical.setDividerPositions(1 - bottomHeight(vertical.getHeight()) / Math.max(1, vertical.getHeight()));
            }
        }));

        BorderPane layout = new BorderPane(sidePanels.node());
        menuBar = new MainMenus(this, i18n).build();
        layout.setTop(menuBar);
        layout.setBottom(new StatusBar(vm, i18n, canvas.zoomProperty(), built));
        built.onClose(canvas::dispose);
        built.onClose(inspectorView::dispose);
        built.onClose(summaryView::dispose);
        built.onClose(problemsView::dispose);
        StackPane root = new StackPane(layout, dragLayer);
        root.getStylesheets().add(MainWindow.class.getResource("/org/neuralcanvas/ui/neuralcanvas.css").toExternalForm());
        if (stage.getScene() == null) {
            stage.setScene(new Scene(root));
        } else {
            stage.getScene().setRoot(root);
        }
        // A language switch installs the features again: their guards once, not once per switch.
        closeGuards.clear();
        fileActions.clearReplaceGuards();
        for (Feature feature : ctx.features()) {
            feature.install(this, i18n);
        }
        // After the features: the start page offers the Keras import only where a feature added it.
        built.onChange(vm.summaryProperty(), (o, a, b) -> showStartPageIfEmpty());
        showStartPageIfEmpty();
    }

    /** The start page lies over the canvas while the model has no layer, made afresh each time (recent files). */
    private void showStartPageIfEmpty() {
        boolean empty = vm.document().graph().nodeCount() == 0;
        boolean shown = canvasArea.getChildren().size() > 1;
        if (empty && !shown) {
            Runnable importKeras = fileMenuItem("menu-import-keras").<Runnable>map(item -> item::fire).orElse(null);
            canvasArea.getChildren().add(new StartPage(ctx.templates().all(), ctx.userFiles().recentFiles(), i18n,
                    new StartPage.Actions(fileActions::newFromTemplate, fileActions::open, importKeras,
                            fileActions::openRecent)));
        } else if (!empty && shown) {
            canvasArea.getChildren().remove(1);
        }
    }

    private java.util.Optional<javafx.scene.control.MenuItem> fileMenuItem(String id) {
        return menuBar.getMenus().get(0).getItems().stream().filter(i -> id.equals(i.getId())).findFirst();
    }

    /** The summary and problems area: 30 % of the height, and no less than 240 px while that leaves the canvas 60 %. */
    static double bottomHeight(double height) {
        return Math.max(height * 0.30, Math.min(240, height * 0.40));
    }

    private ToolBar canvasToolBar() {
        ToolBar bar = new ToolBar(
                button("toolbar.undo", "menu.edit.undo", vm::undo),
                button("toolbar.redo", "menu.edit.redo", vm::redo),
                new javafx.scene.control.Separator(),
                button("toolbar.zoomIn", "menu.view.zoomIn", () -> canvas.zoomBy(1.2)),
                button("toolbar.zoomOut", "menu.view.zoomOut", () -> canvas.zoomBy(1 / 1.2)),
                button("toolbar.fit", "menu.view.fit", canvas::fitToView),
                button("toolbar.layout", "menu.view.layout", commands::autoLayout),
                new javafx.scene.control.Separator(),
                button("toolbar.delete", "menu.edit.delete", commands::delete));
        built.bind(bar.getItems().get(0).disableProperty(), vm.canUndoProperty().not());
        built.bind(bar.getItems().get(1).disableProperty(), vm.canRedoProperty().not());
        bar.getStyleClass().add("canvas-toolbar");
        return bar;
    }

    private Button button(String key, String tipKey, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(key.replace('.', '-'));
        b.setTooltip(new Tooltip(i18n.get(tipKey)));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    /**
     * Rebuilds the window in another language, keeping the open project, selection and history, and what the user
     * had arranged: the canvas's zoom and pan, the bottom and right tabs shown, the bottom area's height. Everything
     * the old build attached to the view models is detached first (its {@link Subscriptions}), features included.
     */
    public void switchLanguage(Locale locale) {
        ctx.userFiles().setLanguage(locale);
        CanvasView.View view = canvas.view();
        String bottomTab = selectedId(bottomTabs);
        String rightTab = selectedId(rightTabs);
        double bottomDivider = vertical.getDividerPositions()[0];
        double[] sideDividers = sidePanels.node().getDividerPositions();
        built.close();
        keptBottomDivider = bottomDivider;
        build(locale);
        sidePanels.keep(sideDividers);
        canvas.show(view);
        select(bottomTabs, bottomTab);
        select(rightTabs, rightTab);
        // As at the start: the canvas has the keys, not the palette's search field (whose caret would keep JavaFX
        // pulsing 60 times a second). The new canvas joins the scene only when the split panes get their skins, in the
        // next pulse, which would otherwise give the keys to the first field it finds.
        focusWhenShown(canvas);
    }

    private static void focusWhenShown(javafx.scene.Node node) {
        if (node.getScene() != null) {
            node.requestFocus();
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene scene) {
                if (scene != null) {
                    node.sceneProperty().removeListener(this);
                    node.requestFocus();
                }
            }
        });
    }

    private static String selectedId(TabPane tabs) {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : tab.getId();
    }

    private static void select(TabPane tabs, String id) {
        tabs.getTabs().stream().filter(t -> id != null && id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** What this build of the window attached to the view models; closed when the window is rebuilt. */
    @Override
    public Subscriptions subscriptions() {
        return built;
    }

    public void show() {
        stage.show();
        // The canvas, not the palette's search field, starts with the keys: its shortcuts work at once, and a
        // focused text field's blinking caret is an animation that keeps JavaFX pulsing 60 times a second.
        canvas.requestFocus();
        autosave.findRecovery().ifPresent(r -> {
            if (ctx.prompts().offerRecovery()) {
                vm.restore(r.project(), r.originalFile());
            } else {
                autosave.clear();
            }
        });
        autosave.start();
    }

    private final List<BooleanSupplier> closeGuards = new ArrayList<>();

    /**
     * Something that may hold the window open when it is closed (a run that is training): false keeps it open.
     * A guard that needs time (to stop a run and record it) returns false and calls {@link #requestClose} again.
     */
    @Override
    public void addCloseGuard(BooleanSupplier guard) {
        closeGuards.add(guard);
    }

    /** Closes after asking about a running training and unsaved work. */
    @Override
    public void requestClose() {
        if (closeAllowed()) {
            stage.close();
        }
    }

    private boolean closeAllowed() {
        for (BooleanSupplier guard : closeGuards) {
            if (!guard.getAsBoolean()) {
                return false;
            }
        }
        if (!fileActions.mayReplace()) {
            return false;
        }
        autosave.stop();
        autosave.clear();
        return true;
    }

    void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, i18n.get("help.shortcuts"), ButtonType.OK);
        alert.setTitle(i18n.get("app.title")); // JavaFX's own title ("Message") is English whatever the window's language
        alert.setHeaderText(i18n.get("menu.help.shortcuts"));
        alert.initOwner(stage);
        alert.showAndWait();
    }

    // ---- seams for later features -------------------------------------------------------------

    /** Adds a menu before Help (e.g. Export, Train). */
    @Override
    public void addMenu(Menu menu) {
        menuBar.getMenus().add(menuBar.getMenus().size() - 1, menu);
    }

    /** Adds items to the File menu, in their own group before Quit (e.g. Export, Import). */
    @Override
    public void addFileMenuItems(javafx.scene.control.MenuItem... items) {
        Menu file = menuBar.getMenus().get(0);
        int quit = file.getItems().size() - 1;
        file.getItems().add(quit, new javafx.scene.control.SeparatorMenuItem());
        file.getItems().addAll(quit, List.of(items));
    }

    /** Adds a tab beside Summary and Problems (e.g. the training dashboard). */
    @Override
    public void addBottomTab(Tab tab) {
        bottomTabs.getTabs().add(tab);
    }

    /** Selects a bottom tab and gives the bottom area at least {@code share} of the height (the live dashboard). */
    @Override
    public void showBottomTab(Tab tab, double share) {
        bottomTabs.getSelectionModel().select(tab);
        if (vertical.getDividerPositions()[0] > 1 - share) {
            vertical.setDividerPositions(1 - share);
        }
    }

    /** Adds a tab beside the Inspector (e.g. the Train panel). */
    @Override
    public void addRightTab(Tab tab) {
        rightTabs.getTabs().add(tab);
    }

    @Override
    public void addReplaceGuard(ReplaceGuard guard) {
        fileActions.addReplaceGuard(guard);
    }

    @Override
    public boolean mayReplace(Runnable retry) {
        return fileActions.mayReplace(retry);
    }

    @Override
    public Prompts prompts() {
        return ctx.prompts();
    }

    public AppContext context() {
        return ctx;
    }

    @Override
    public MainViewModel viewModel() {
        return vm;
    }

    public FileActions fileActions() {
        return fileActions;
    }

    public Autosave autosave() {
        return autosave;
    }

    public CanvasView canvas() {
        return canvas;
    }

    public CanvasCommands commands() {
        return commands;
    }

    SidePanels sidePanels() {
        return sidePanels;
    }

    public SummaryView summaryView() {
        return summaryView;
    }

    @Override
    public I18n i18n() {
        return i18n;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    List<Tab> bottomTabs() {
        return new ArrayList<>(bottomTabs.getTabs());
    }
}
