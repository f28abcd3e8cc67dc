package org.tensorworkbench.ui.shell;

import java.util.List;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DialogButtons;
import org.tensorworkbench.ui.common.I18n;

/**
 * Help ▸ Keyboard Shortcuts: every menu command that has a key, read from the menus themselves so
 * the list can never disagree with them.
 */
final class ShortcutsDialog extends Dialog<Void> {

  ShortcutsDialog(List<Menu> menus, Window owner) {
    initOwner(owner);
    titleProperty().bind(I18n.text("shell.shortcuts.title"));
    getDialogPane().setId("shortcuts-dialog");
    Appearance.apply(getDialogPane());
    GridPane grid = new GridPane();
    grid.getStyleClass().addAll("form", "shortcuts");
    int row = 0;
    for (Menu menu : menus) {
      row = addItems(grid, menu.getItems(), row);
    }
    Label extra = new Label();
    extra.textProperty().bind(I18n.text("shell.shortcuts.zoomKeys"));
    extra.setWrapText(true);
    extra.getStyleClass().add("field-note");
    grid.add(extra, 0, row, 2, 1);
    getDialogPane().setContent(grid);
    getDialogPane().getButtonTypes().add(DialogButtons.close());
  }

  private static int addItems(GridPane grid, List<MenuItem> items, int row) {
    int next = row;
    for (MenuItem item : items) {
      if (item instanceof Menu submenu) {
        next = addItems(grid, submenu.getItems(), next);
      } else if (item.getAccelerator() != null) {
        Label keys = new Label(item.getAccelerator().getDisplayText());
        keys.getStyleClass().add("key");
        Label action = new Label();
        action.textProperty().bind(item.textProperty());
        grid.addRow(next++, keys, action);
      }
    }
    return next;
  }
}
