package org.tensorworkbench.ui.builder;

import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.tensorworkbench.engine.spec.Templates;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.I18n;

/** The Templates menu: every engine template, opened as an editable graph laid out top to bottom. */
final class TemplateMenu {
  private TemplateMenu() {}

  /** Adds one item per template; choosing one passes its name to {@code open}. */
  static void fill(MenuButton menu, Consumer<String> open) {
    boolean minis = false;
    for (String name : Templates.names()) {
      if (name.endsWith("-mini") && !minis) {
        menu.getItems().add(new SeparatorMenuItem());
        minis = true;
      }
      MenuItem item = new MenuItem();
      item.setId("template-" + name);
      item.textProperty().bind(I18n.text(title(name), name));
      item.setOnAction(e -> open.accept(name));
      menu.getItems().add(item);
    }
  }

  /** The short menu title key of a template, e.g. {@code builder.template.lenet} -> "LeNet". */
  static String title(String name) {
    String key = "builder.template." + name;
    return Messages.has(key) ? key : "builder.template.other";
  }
}
