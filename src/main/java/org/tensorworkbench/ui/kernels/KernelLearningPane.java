package org.tensorworkbench.ui.kernels;

import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tensorworkbench.engine.lab.conv.Kernel2d;
import org.tensorworkbench.engine.lab.conv.LearningStep;
import org.tensorworkbench.ui.common.I18n;

/** Learn the kernel: the loss curve and the learned weights next to the target, replayed step by step. */
final class KernelLearningPane {
  private final KernelLearningViewModel vm;
  private final VBox root;
  private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
  private final GridPane weights = new GridPane();
  private final Label status = new Label();
  private final Timeline replay = new Timeline();

  KernelLearningPane(KernelLearningViewModel vm) {
    this.vm = vm;
    ComboBox<LearnTarget> target = Controls.choice("learn-target", FXCollections.observableArrayList(LearnTarget.values()),
        vm.targetProperty(), t -> I18n.get("kernels.learn.target." + t.name().toLowerCase(java.util.Locale.ROOT)));
    Spinner<Double> rate = new Spinner<>(0.0001, 1.0, vm.learningRateProperty().get(), 0.005);
    rate.setEditable(true);
    rate.setPrefWidth(100);
    rate.valueProperty().addListener((obs, old, v) -> vm.learningRateProperty().set(v));
    Spinner<Integer> steps = Controls.spinner("learn-steps", 1, 500, vm.stepsProperty());
    Button learn = new Button();
    learn.setId("learn-start");
    learn.textProperty().bind(I18n.text("kernels.learn.start"));
    learn.disableProperty().bind(vm.runningProperty());
    learn.setOnAction(e -> vm.learn());

    HBox targetRow = new HBox(8, Controls.label("kernels.learn.targetLabel"), target);
    HBox runRow = new HBox(8, Controls.label("kernels.learn.rate"), rate, Controls.label("kernels.learn.steps"), steps, learn);
    for (HBox row : new HBox[] {targetRow, runRow}) {
      row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
      row.getChildren().forEach(n -> ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
    }

    NumberAxis x = new NumberAxis();
    x.labelProperty().bind(I18n.text("kernels.learn.step"));
    NumberAxis y = new NumberAxis();
    y.labelProperty().bind(I18n.text("kernels.learn.loss"));
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.getData().add(loss);
    chart.setPrefSize(520, 320);
    HBox.setHgrow(chart, Priority.ALWAYS);

    weights.setHgap(12);
    weights.setVgap(6);
    weights.setId("learn-weights");
    status.setId("learn-status");
    Label explain = Controls.label("kernels.learn.explain");
    explain.setWrapText(true);
    explain.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    explain.setMinWidth(0);
    explain.setPrefWidth(600);
    root = new VBox(10, explain, targetRow, runRow, new HBox(16, chart, new VBox(8, weights, status)));
    root.setPadding(new Insets(8));

    replay.getKeyFrames().add(new KeyFrame(Duration.millis(120), e -> {
      int next = vm.shownStepProperty().get() + 1;
      vm.showStep(next);
      if (next >= vm.traceProperty().get().size()) {
        replay.stop();
      }
    }));
    replay.setCycleCount(Timeline.INDEFINITE);
    vm.traceProperty().addListener((obs, old, t) -> {
      loss.getData().clear();
      replay.stop();
      if (!t.isEmpty()) {
        replay.play();
      }
    });
    vm.shownStepProperty().addListener((obs, old, n) -> showStep(n.intValue()));
    vm.errorProperty().addListener((obs, old, msg) -> status.setText(msg));
    vm.runningProperty().addListener((obs, old, running) -> {
      if (running) {
        status.setText(I18n.get("kernels.learn.running"));
      }
    });
    status.setWrapText(true);
    status.setMaxWidth(220);
    I18n.onChange(root, () -> showStep(vm.shownStepProperty().get()));
  }

  Node node() {
    return root;
  }

  private void showStep(int n) {
    List<LearningStep> trace = vm.traceProperty().get();
    Kernel2d target = vm.targetKernelProperty().get();
    if (target == null) {
      return;
    }
    while (loss.getData().size() < n) {
      LearningStep s = trace.get(loss.getData().size());
      loss.getData().add(new XYChart.Data<>(s.step(), s.loss()));
    }
    weights.getChildren().clear();
    weights.add(Controls.label("kernels.learn.targetWeights"), 0, 0, target.cols(), 1);
    weights.add(Controls.label("kernels.learn.learnedWeights"), 0, target.rows() + 1, target.cols(), 1);
    float[] learned = n == 0 ? null : trace.get(n - 1).kernel();
    for (int r = 0; r < target.rows(); r++) {
      for (int c = 0; c < target.cols(); c++) {
        weights.add(new Label(Kernel2d.formatWeight(target.at(r, c))), c, r + 1);
        String v = learned == null ? "?" : String.format(java.util.Locale.ROOT, "%.3f", learned[r * target.cols() + c]);
        weights.add(new Label(v), c, target.rows() + 2 + r);
      }
    }
    status.setText(n == 0 ? "" : I18n.get("kernels.learn.status", n, trace.get(n - 1).loss()));
  }
}
