package org.tensorworkbench.ui.predict;

import org.tensorworkbench.ui.common.UiText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tensorworkbench.engine.export.ExportFormat;
import org.tensorworkbench.engine.export.OpenedModel;
import org.tensorworkbench.engine.inspect.TensorSnapshot;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The Predict panel's state: an opened model (a .twmodel or .onnx file), the last picture
 * dropped on it as the model sees it, and the five most likely classes. Loading, predicting and
 * exporting run on the executor; when pictures are dropped faster than they are predicted, the
 * latest wins.
 */
public final class PredictViewModel {
  /** How many classes the panel lists. */
  public static final int TOP = 5;

  /** One row of the list: a class and its probability (or an output and its value for regression). */
  public record Prediction(String label, double value) {}

  /** A status line: a message key of the export area, its arguments, and whether it reports a problem. */
  public record Status(UiText text, boolean error) {}

  private final UiExecutor executor;
  private final Consumer<OpenedModel> onOpened;
  private final ReadOnlyObjectWrapper<OpenedModel> model = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<TensorSnapshot> preview = new ReadOnlyObjectWrapper<>();
  private final ObservableList<Prediction> predictions = FXCollections.observableArrayList();
  private final ObservableList<Prediction> readOnlyPredictions = FXCollections.unmodifiableObservableList(predictions);
  private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(new Status(UiText.of("export.predict.empty"), false));
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private long latestDrop;

  /**
   * @param onOpened told of every model opened, e.g. to show its graph in the builder
   */
  public PredictViewModel(UiExecutor executor, Consumer<OpenedModel> onOpened) {
    this.executor = executor;
    this.onOpened = onOpened;
  }

  public ReadOnlyObjectProperty<OpenedModel> modelProperty() {
    return model.getReadOnlyProperty();
  }

  /** The last picture, resized and converted to the model's input: [C, H, W], values in [0, 1]. */
  public ReadOnlyObjectProperty<TensorSnapshot> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** The five most likely classes, most likely first (for regression: the predicted values). */
  public ObservableList<Prediction> predictions() {
    return readOnlyPredictions;
  }

  public ReadOnlyObjectProperty<Status> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Opens a model file in the background; a file that cannot be opened changes nothing and says why. */
  public void open(Path file) {
    busy.set(true);
    executor.submit(() -> OpenedModel.open(file), opened -> {
      busy.set(false);
      model.set(opened);
      preview.set(null);
      predictions.clear();
      status.set(new Status(UiText.of(opened.takesImages() ? "export.predict.opened" : "export.predict.openedNoImages", file.getFileName().toString()), false));
      onOpened.accept(opened);
    }, error -> failed("export.predict.openFailed", file, error));
  }

  /** Predicts the first picture of a drop (PNG, JPEG, GIF or BMP); the latest drop wins. */
  public void drop(List<Path> files) {
    OpenedModel current = model.get();
    Optional<Path> image = files.stream().filter(PredictViewModel::isImage).findFirst();
    if (current == null) {
      status.set(new Status(UiText.of("export.predict.noModel"), true));
      return;
    }
    if (image.isEmpty()) {
      status.set(new Status(UiText.of("export.predict.notAnImage"), true));
      return;
    }
    long drop = ++latestDrop;
    Path file = image.get();
    busy.set(true);
    executor.submit(() -> {
      TensorSnapshot input = current.imageAsInput(file);
      return new Result(input, current.predict(input));
    }, result -> {
      if (drop != latestDrop) {
        return;
      }
      busy.set(false);
      preview.set(result.input());
      predictions.setAll(top(current, result.output()));
      status.set(new Status(UiText.of("export.predict.predicted", file.getFileName().toString()), false));
    }, error -> {
      if (drop == latestDrop) {
        failed("export.predict.predictFailed", file, error);
      }
    });
  }

  /** Exports the opened model; PyTorch writes a .py and a .npz beside it. */
  public void export(ExportFormat format, Path target) {
    OpenedModel current = model.get();
    if (current == null) {
      status.set(new Status(UiText.of("export.predict.noModel"), true));
      return;
    }
    busy.set(true);
    executor.submit(() -> current.export(format, target), written -> {
      busy.set(false);
      status.set(new Status(UiText.of("export.predict.exported", String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList())), false));
    }, error -> failed("export.predict.exportFailed", target, error));
  }

  private void failed(String key, Path file, Throwable error) {
    busy.set(false);
    status.set(new Status(UiText.of(key, file.getFileName().toString(), UiText.of(error)), true));
  }

  private static List<Prediction> top(OpenedModel model, double[] output) {
    List<Prediction> rows = new ArrayList<>();
    if (!model.classifier()) {
      for (int k = 0; k < Math.min(TOP, output.length); k++) {
        rows.add(new Prediction("y" + k, output[k]));
      }
      return rows;
    }
    List<String> names = model.classNames();
    for (int k = 0; k < output.length; k++) {
      rows.add(new Prediction(names.get(k), output[k]));
    }
    rows.sort(Comparator.comparingDouble(Prediction::value).reversed());
    return rows.subList(0, Math.min(TOP, rows.size()));
  }

  static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif")
        || name.endsWith(".bmp");
  }

  private record Result(TensorSnapshot input, double[] output) {}
}
