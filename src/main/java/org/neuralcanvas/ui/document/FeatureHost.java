package org.neuralcanvas.ui.document;

import java.util.function.BooleanSupplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.neuralcanvas.ui.common.I18n;
import org.neuralcanvas.ui.common.Subscriptions;

/** What a {@link Feature} may see and do of the main window; {@code ui.main.MainWindow} is the one implementation. */
public interface FeatureHost {

    /** The open document and what the window shows of it. */
    MainViewModel viewModel();

    /** The window's stage, as the owner of the feature's dialogs. */
    Stage stage();

    /** The window's language now. */
    I18n i18n();

    /**
     * What this build of the window attached to the view models, closed when the window is rebuilt for another
     * language: a feature adds its listeners here (and its views' disposal), so the views it built go with the build.
     */
    Subscriptions subscriptions();

    /** The questions and messages the window asks and shows. */
    Prompts prompts();

    void addMenu(Menu menu);

    /** Items for the File menu, above its last separator (Exit). */
    void addFileMenuItems(MenuItem... items);

    void addBottomTab(Tab tab);

    /** Shows a bottom tab, giving the bottom pane at least {@code share} of the window's height. */
    void showBottomTab(Tab tab, double share);

    void addRightTab(Tab tab);

    /** Closes the window after asking the close guards and about unsaved work (a guard that let go calls it again). */
    void requestClose();

    /** Asked before the window closes; false keeps it open. */
    void addCloseGuard(BooleanSupplier guard);

    /** Asked before the open project is replaced (New, Open, a template, an import). */
    void addReplaceGuard(ReplaceGuard guard);

    /** Whether the open project may be replaced now (asking to save it, and every guard); see {@link ReplaceGuard}. */
    boolean mayReplace(Runnable retry);
}
