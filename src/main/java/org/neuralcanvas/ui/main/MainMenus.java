package org.neuralcanvas.ui.main;

import org.neuralcanvas.ui.document.MainViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.neuralcanvas.project.templates.Template;
import org.neuralcanvas.ui.canvas.CanvasCommands;
import org.neuralcanvas.ui.canvas.CanvasView;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Subscriptions;

/** Builds the File, Edit, View and Help menus from the bundle, wired to the window's commands. */
final class MainMenus {

    private final MainWindow window;
    private final I18n i18n;

    MainMenus(MainWindow window, I18n i18n) {
        this.window = window;
        this.i18n = i18n;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), edit(), view(), help());
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId("menu-" + key);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Menu file() {
        FileActions files = window.fileActions();
        Menu templates = new Menu(i18n.get("menu.file.template"));
        templates.setId("menu-templates");
        for (Template t : window.context().templates().all()) {
            MenuItem item = new MenuItem(i18n.get("template." + t.id()));
            item.setId("template-" + t.id());
            item.setOnAction(e -> files.newFromTemplate(t));
            templates.getItems().add(item);
        }
        Menu recent = new Menu(i18n.get("menu.file.recent"));
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", window::requestClose);
        Menu menu = new Menu(i18n.get("menu.file"), null,
                item("menu.file.new", "Shortcut+N", files::newProject), templates,
                item("menu.file.open", "Shortcut+O", files::open), recent, new SeparatorMenuItem(),
                item("menu.file.save", "Shortcut+S", files::save),
                item("menu.file.saveAs", "Shortcut+Shift+S", files::saveAs), new SeparatorMenuItem(), quit);
        menu.setId("menu-file");
        return menu;
    }

    private void fillRecent(Menu recent) {
        List<Path> files = window.context().userFiles().recentFiles();
        recent.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false); // my_model.ncproj.json keeps its underscore
            item.setMnemonicParsing(false);
            item.setOnAction(e -> window.fileActions().openRecent(p));
            recent.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private Menu edit() {
        MainViewModel vm = window.viewModel();
        CanvasCommands c = window.commands();
        MenuItem undo = item("menu.edit.undo", "Shortcut+Z", vm::undo);
        Subscriptions subs = window.subscriptions();
        subs.bind(undo.textProperty(), Bindings.createStringBinding(() -> vm.undoDescriptionProperty().get().isEmpty()
                ? i18n.get("menu.edit.undo") : i18n.format("menu.edit.undoWhat", vm.undoDescriptionProperty().get()),
                vm.undoDescriptionProperty()));
        subs.bind(undo.disableProperty(), vm.canUndoProperty().not());
        MenuItem redo = item("menu.edit.redo", "Shortcut+Y", vm::redo);
        subs.bind(redo.disableProperty(), vm.canRedoProperty().not());
        MenuItem redo2 = item("menu.edit.redo", "Shortcut+Shift+Z", vm::redo);
        redo2.setVisible(false);
        subs.bind(redo2.disableProperty(), vm.canRedoProperty().not());
        Menu menu = new Menu(i18n.get("menu.edit"), null, undo, redo, redo2, new SeparatorMenuItem(),
                item("menu.edit.cut", null, () -> {
                    c.copy();
                    c.delete();
                }),
                item("menu.edit.copy", null, c::copy),
                item("menu.edit.paste", null, c::paste),
                item("menu.edit.duplicate", null, c::duplicate),
                item("menu.edit.delete", null, c::delete), new SeparatorMenuItem(),
                item("menu.edit.selectAll", null, c::selectAll));
        menu.setId("menu-edit");
        return menu;
    }

    private Menu view() {
        CanvasView canvas = window.canvas();
        Menu language = new Menu(i18n.get("menu.view.language"));
        ToggleGroup group = new ToggleGroup();
        for (Locale locale : I18n.LANGUAGES) {
            // Each language in its own words from the bundle: the JDK calls Chinese "中文 (中国)", not 简体中文.
            RadioMenuItem item = new RadioMenuItem(i18n.get("language." + locale.toLanguageTag()));
            item.setId("language-" + locale.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(locale.getLanguage().equals(i18n.locale().getLanguage()));
            item.setOnAction(e -> window.switchLanguage(locale));
            language.getItems().add(item);
        }
        Menu menu = new Menu(i18n.get("menu.view"), null,
                item("menu.view.zoomIn", "Shortcut+EQUALS", () -> canvas.zoomBy(1.2)),
                item("menu.view.zoomOut", "Shortcut+MINUS", () -> canvas.zoomBy(1 / 1.2)),
                item("menu.view.fit", "Shortcut+0", canvas::fitToView),
                item("menu.view.layout", "Shortcut+L", window.commands()::autoLayout), new SeparatorMenuItem(),
                shown("menu.view.palette", "Shortcut+Shift+1", window.sidePanels().paletteShownProperty()),
                shown("menu.view.side", "Shortcut+Shift+2", window.sidePanels().sideShownProperty()),
                new SeparatorMenuItem(), language);
        menu.setId("menu-view");
        return menu;
    }

    /** A panel's show/hide toggle. */
    private CheckMenuItem shown(String key, String accelerator, javafx.beans.property.BooleanProperty shown) {
        CheckMenuItem item = new CheckMenuItem(i18n.get(key));
        item.setId("menu-" + key);
        item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.selectedProperty().bindBidirectional(shown);
        return item;
    }

    private Menu help() {
        Menu menu = new Menu(i18n.get("menu.help"), null, item("menu.help.shortcuts", null, window::showShortcuts),
                item("menu.help.datasets", null, () -> org.neuralcanvas.ui.datasets.DatasetDownloads.open(window.stage(),
                        i18n, window.context().background(), window.viewModel()::datasetsFetched)));
        menu.setId("menu-help");
        return menu;
    }
}
