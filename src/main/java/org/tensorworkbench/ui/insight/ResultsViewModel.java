package org.tensorworkbench.ui.insight;

import org.tensorworkbench.ui.common.UiText;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.engine.inspect.Misclassified;
import org.tensorworkbench.engine.inspect.ModelOutline;
import org.tensorworkbench.engine.train.ClassificationEvaluation;
import org.tensorworkbench.engine.train.Evaluation;
import org.tensorworkbench.ui.common.LatestRequest;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * The "after training" tab without its controls: the confusion matrix and per-class accuracy of
 * the test split, a gallery of misclassified test images (all of them, or one cell of the
 * matrix), and a drawing pad whose image the network classifies while it is drawn.
 *
 * <p>Questions to the network go through {@link ModelAccess}; the newest drawing wins, so a
 * fast hand never queues forward passes on the training thread. Call every method on the FX
 * thread.
 */
public final class ResultsViewModel {
  /** Misclassified images fetched for the gallery. */
  static final int GALLERY_SIZE = 60;

  private final ModelAccess access;
  private final LatestRequest<GalleryRequest, GalleryAnswer> galleryRequests;
  private final LatestRequest<PadRequest, PadPrediction> padRequests;
  private final ReadOnlyObjectWrapper<ResultsSummary> summary = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper regression = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyObjectWrapper<ModelOutline> outline = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Gallery> gallery = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<DigitPad> pad = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<PadPrediction> prediction = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<UiText> problem = new ReadOnlyObjectWrapper<>();
  private Framing framing = Framing.OBJECT;
  /** Counts clearings of the pad, so an answer about a drawing that was wiped is dropped. */
  private long padGeneration;

  public ResultsViewModel(UiExecutor executor, ModelAccess access) {
    this.access = access;
    this.galleryRequests = new LatestRequest<>(executor, this::fetchGallery, this::showGallery, this::fail);
    this.padRequests = new LatestRequest<>(executor, this::classify, this::showPrediction, this::fail);
  }

  /**
   * The misclassified images of one cell of the confusion matrix (or of all cells).
   *
   * @param items the images fetched, at most {@link #GALLERY_SIZE}, in test order
   * @param trueClass the cell's row, or -1 for every cell
   * @param predictedClass the cell's column, or -1 for every cell
   * @param total how many test images the cell (or the whole matrix) holds
   */
  public record Gallery(List<Misclassified> items, int trueClass, int predictedClass, long total) {
    public Gallery {
      items = List.copyOf(items);
    }

    public boolean isOneCell() {
      return trueClass >= 0;
    }
  }

  /**
   * What the network makes of the drawing.
   *
   * @param image the drawing as fitted into the network's image, {@code [H, W]}, values in [0, 1]
   * @param probabilities one per class
   * @param generation which drawing it belongs to (the pad's count of clearings)
   */
  public record PadPrediction(float[] image, double[] probabilities, long generation) {
    public int predictedClass() {
      int best = 0;
      for (int i = 1; i < probabilities.length; i++) {
        best = probabilities[i] > probabilities[best] ? i : best;
      }
      return best;
    }
  }

  private record GalleryRequest(int trueClass, int predictedClass, long total) {}

  private record GalleryAnswer(ModelOutline outline, Gallery gallery) {}

  private record PadRequest(float[] ink, int inkWidth, int inkHeight, int width, int height, Framing framing,
      long generation) {}

  /**
   * Shows a finished evaluation: a {@link ClassificationEvaluation} fills the matrix, the
   * accuracies and the gallery; any other (a regression's) shows that these results are for
   * classifiers.
   */
  public void showResults(Evaluation evaluation, List<String> classNames) {
    clear();
    if (!(evaluation instanceof ClassificationEvaluation classification)) {
      regression.set(true);
      return;
    }
    ResultsSummary s = ResultsSummary.of(classification, classNames);
    framing = Framing.forClasses(s.classNames());
    summary.set(s);
    galleryRequests.submit(new GalleryRequest(-1, -1, s.mistakes()));
  }

  /** Empties the tab, e.g. when another run starts. */
  public void clear() {
    galleryRequests.cancelWaiting();
    padRequests.cancelWaiting();
    padGeneration++;
    summary.set(null);
    regression.set(false);
    gallery.set(null);
    outline.set(null);
    pad.set(null);
    prediction.set(null);
    problem.set(null);
  }

  /** Shows only the images of class {@code trueClass} predicted as {@code predictedClass}; the diagonal shows all mistakes. */
  public void showCell(int trueClass, int predictedClass) {
    ResultsSummary s = summary.get();
    if (s == null) {
      return;
    }
    if (trueClass == predictedClass) {
      showAllMistakes();
    } else {
      galleryRequests.submit(new GalleryRequest(trueClass, predictedClass, s.confusion()[trueClass][predictedClass]));
    }
  }

  public void showAllMistakes() {
    ResultsSummary s = summary.get();
    if (s != null) {
      galleryRequests.submit(new GalleryRequest(-1, -1, s.mistakes()));
    }
  }

  /** A pen stroke on the pad, in shares [0, 1] of its width and height; the network classifies the drawing anew. */
  public void draw(double x0, double y0, double x1, double y1) {
    DigitPad p = pad.get();
    if (p == null) {
      return;
    }
    p.stroke(x0, y0, x1, y1);
    padRequests.submit(new PadRequest(p.ink(), p.inkWidth(), p.inkHeight(), p.width(), p.height(), framing,
        padGeneration));
  }

  public void clearPad() {
    DigitPad p = pad.get();
    if (p != null) {
      p.clear();
      padGeneration++;
      padRequests.cancelWaiting();
      prediction.set(null);
    }
  }

  public ReadOnlyObjectProperty<ResultsSummary> summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** True when the results shown are a regression's: the tab then only says that it is for classifiers. */
  public ReadOnlyBooleanProperty regressionProperty() {
    return regression.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ModelOutline> outlineProperty() {
    return outline.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Gallery> galleryProperty() {
    return gallery.getReadOnlyProperty();
  }

  /** The drawing pad, or null while the network is unknown or does not take grey images. */
  public ReadOnlyObjectProperty<DigitPad> padProperty() {
    return pad.getReadOnlyProperty();
  }

  /** The class probabilities of the current drawing, or null for an empty pad. */
  public ReadOnlyObjectProperty<PadPrediction> predictionProperty() {
    return prediction.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<UiText> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  private GalleryAnswer fetchGallery(GalleryRequest request) {
    return access.await(inspector -> {
      ModelOutline o = inspector.outline();
      List<Misclassified> items = o.classifier() && o.images()
          ? inspector.misclassified(request.trueClass(), request.predictedClass(), GALLERY_SIZE)
          : List.of();
      return new GalleryAnswer(o, new Gallery(items, request.trueClass(), request.predictedClass(), request.total()));
    });
  }

  private void showGallery(GalleryAnswer answer) {
    if (summary.get() == null) {
      return; // cleared while the answer was on its way
    }
    problem.set(null);
    ModelOutline o = answer.outline();
    outline.set(o);
    gallery.set(answer.gallery());
    int[] shape = o.inputShape();
    boolean grey = o.classifier() && o.images() && shape[0] == 1;
    DigitPad current = pad.get();
    if (!grey) {
      pad.set(null);
    } else if (current == null || current.height() != shape[1] || current.width() != shape[2]) {
      pad.set(new DigitPad(shape[1], shape[2]));
    }
  }

  private PadPrediction classify(PadRequest request) {
    float[] image = DigitPad.frame(request.ink(), request.inkWidth(), request.inkHeight(), request.width(),
        request.height(), request.framing());
    int[] shape = {1, request.height(), request.width()};
    double[] probabilities = access.await(inspector -> inspector.classProbabilities(image, shape));
    return new PadPrediction(image, probabilities, request.generation());
  }

  private void showPrediction(PadPrediction answer) {
    if (answer.generation() == padGeneration) {
      prediction.set(answer);
    }
  }

  private void fail(Throwable error) {
    problem.set(UiText.of("insight.error.noAnswer", UiText.of(error)));
  }
}
