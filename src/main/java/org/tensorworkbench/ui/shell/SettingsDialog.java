package org.tensorworkbench.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.tensorworkbench.workspace.PreferredDevice;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.workspace.ZoomLevels;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.DialogButtons;
import org.tensorworkbench.ui.common.I18n;

/**
 * File ▸ Settings: language, zoom, compute device and workspace folder. Returns the edited
 * settings on OK; OK stays disabled while the workspace folder is not a usable folder path.
 */
final class SettingsDialog extends Dialog<Settings> {
  private final ComboBox<Optional<Locale>> language = new ComboBox<>();
  private final Spinner<Integer> zoom = new Spinner<>();
  private final ToggleGroup device = new ToggleGroup();
  private final TextField folder = new TextField();
  private final Label folderProblem = new Label();

  SettingsDialog(Settings current, Locale systemLocale, boolean gpuInBuild, Window owner) {
    initOwner(owner);
    titleProperty().bind(I18n.text("shell.settings.title"));
    getDialogPane().setId("settings-dialog");
    Appearance.apply(getDialogPane());

    language.getItems().add(Optional.empty());
    Messages.SUPPORTED.forEach(l -> language.getItems().add(Optional.of(l)));
    language.setCellFactory(list -> new LanguageCell(systemLocale));
    language.setButtonCell(new LanguageCell(systemLocale));
    language.setValue(current.chosenLocale().map(Messages::supportedOrEnglish));
    language.setId("settings-language");

    zoom.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(
        ZoomLevels.MIN, ZoomLevels.MAX, current.zoomPercent(), 5));
    zoom.setId("settings-zoom");

    RadioButton cpu = radio("shell.settings.device.cpu", PreferredDevice.CPU, "settings-device-cpu");
    RadioButton gpu = radio("shell.settings.device.gpu", PreferredDevice.GPU, "settings-device-gpu");
    device.selectToggle(current.device() == PreferredDevice.GPU ? gpu : cpu);
    Label deviceNote = note(gpuInBuild ? "shell.settings.device.note" : "shell.settings.device.noGpuBuild");

    folder.setText(current.workspaceFolder());
    folder.setId("settings-folder");
    HBox.setHgrow(folder, Priority.ALWAYS);
    Button browse = new Button();
    browse.textProperty().bind(I18n.text("shell.settings.browse"));
    browse.setOnAction(e -> browse());
    folderProblem.getStyleClass().add("field-problem");
    folderProblem.setId("settings-folder-problem");
    Label folderNote = note("shell.settings.folder.note");

    GridPane grid = new GridPane();
    grid.getStyleClass().add("form");
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    int row = 0;
    grid.addRow(row++, label("shell.settings.language"), language);
    grid.addRow(row++, label("shell.settings.zoom"), zoom);
    grid.addRow(row++, label("shell.settings.device"), new HBox(12, cpu, gpu));
    grid.add(deviceNote, 1, row++);
    grid.addRow(row++, label("shell.settings.folder"), new HBox(8, folder, browse));
    grid.add(folderProblem, 1, row++);
    grid.add(folderNote, 1, row);
    getDialogPane().setContent(grid);

    ButtonType okButton = DialogButtons.ok();
    getDialogPane().getButtonTypes().addAll(okButton, DialogButtons.cancel());
    Node ok = getDialogPane().lookupButton(okButton);
    ok.setId("settings-ok");
    StringBinding problem = Bindings.createStringBinding(() -> folderProblem(folder.getText()),
        folder.textProperty(), I18n.localeProperty());
    folderProblem.textProperty().bind(problem);
    folderProblem.visibleProperty().bind(problem.isNotEmpty());
    folderProblem.managedProperty().bind(folderProblem.visibleProperty());
    ok.disableProperty().bind(problem.isNotEmpty());

    setResultConverter(button -> button == okButton ? edited(current) : null);
  }

  private Settings edited(Settings current) {
    PreferredDevice chosen = (PreferredDevice) device.getSelectedToggle().getUserData();
    return current
        .withLanguage(language.getValue().orElse(null))
        .withZoomPercent(zoom.getValue())
        .withDevice(chosen)
        .withWorkspaceFolder(Path.of(folder.getText().strip()));
  }

  private void browse() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.titleProperty().bind(I18n.text("shell.settings.folder"));
    File start = existingAncestor(folder.getText());
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File chosen = chooser.showDialog(getDialogPane().getScene().getWindow());
    if (chosen != null) {
      folder.setText(chosen.getAbsolutePath());
    }
  }

  /** Why {@code text} cannot be the workspace folder, or "" if it can. */
  static String folderProblem(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return Messages.get("shell.settings.folder.empty");
    }
    Path path;
    try {
      path = Path.of(trimmed);
    } catch (InvalidPathException e) {
      return Messages.get("shell.settings.folder.invalid", trimmed);
    }
    if (!path.isAbsolute()) {
      return Messages.get("shell.settings.folder.relative");
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      return Messages.get("shell.settings.folder.notFolder", trimmed);
    }
    return "";
  }

  private static File existingAncestor(String text) {
    try {
      for (Path p = Path.of(text.strip()); p != null; p = p.getParent()) {
        if (Files.isDirectory(p)) {
          return p.toFile();
        }
      }
    } catch (InvalidPathException e) {
      return null;
    }
    return null;
  }

  private RadioButton radio(String key, PreferredDevice value, String id) {
    RadioButton button = new RadioButton();
    button.textProperty().bind(I18n.text(key));
    button.setUserData(value);
    button.setToggleGroup(device);
    button.setId(id);
    return button;
  }

  private static Label label(String key) {
    Label label = new Label();
    label.textProperty().bind(I18n.text(key));
    return label;
  }

  private static Label note(String key) {
    Label note = label(key);
    note.setWrapText(true);
    note.getStyleClass().add("field-note");
    return note;
  }

  /** Shows "English", "简体中文", or "Same as the system (English)" for the empty choice. */
  private static final class LanguageCell extends ListCell<Optional<Locale>> {
    private final Locale systemLocale;

    LanguageCell(Locale systemLocale) {
      this.systemLocale = systemLocale;
    }

    @Override
    protected void updateItem(Optional<Locale> item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
      } else if (item.isEmpty()) {
        setText(Messages.get("shell.settings.language.system", Messages.get(systemLocale, "shell.language.self")));
      } else {
        setText(Messages.get(item.get(), "shell.language.self"));
      }
    }
  }
}
