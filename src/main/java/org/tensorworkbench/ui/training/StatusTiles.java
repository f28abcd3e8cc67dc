package org.tensorworkbench.ui.training;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import java.util.Locale;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;
import org.tensorworkbench.engine.train.MemoryUse;
import org.tensorworkbench.ui.common.I18n;

/**
 * The row of TilesFX tiles above the curves: epoch progress, images per second, time left, best
 * test accuracy, current learning rate and memory in use. Values are pushed at most a few times a
 * second ({@link #update}), without animation, so the tiles cost the frame next to nothing.
 */
final class StatusTiles {
  private static final Color BACKGROUND = Color.web("#2b3a4c");
  private final Tile epoch = tile(Tile.SkinType.CIRCULAR_PROGRESS, "training.tile.epoch");
  private final Tile speed = tile(Tile.SkinType.NUMBER, "training.tile.speed");
  private final Tile timeLeft = tile(Tile.SkinType.TEXT, "training.tile.timeLeft");
  private final Tile best = tile(Tile.SkinType.NUMBER, "training.tile.best");
  private final Tile learningRate = tile(Tile.SkinType.TEXT, "training.tile.learningRate");
  private final Tile memory = tile(Tile.SkinType.NUMBER, "training.tile.memory");
  private final HBox row = new HBox();

  StatusTiles() {
    epoch.setMaxValue(100);
    epoch.setDecimals(0);
    speed.setDecimals(0);
    speed.textProperty().bind(I18n.text("training.tile.speedUnit"));
    best.setDecimals(1);
    best.setUnit("%");
    memory.setDecimals(0);
    memory.setUnit("MB");
    for (Tile t : List.of(epoch, speed, timeLeft, best, learningRate, memory)) {
      HBox.setHgrow(t, Priority.ALWAYS);
      row.getChildren().add(t);
    }
    row.getStyleClass().add("status-tiles");
    row.setId("training-tiles");
  }

  private static Tile tile(Tile.SkinType skin, String titleKey) {
    Tile t = TileBuilder.create().skinType(skin).prefSize(150, 130).minSize(100, 110).maxSize(260, 150)
        .backgroundColor(BACKGROUND).animated(false).textVisible(true).textSize(Tile.TextSize.BIGGER).build();
    t.titleProperty().bind(I18n.text(titleKey));
    return t;
  }

  HBox node() {
    return row;
  }

  void update(TrainingViewModel.RunStatus s, double epochShare, double bestAccuracy, MemoryUse mem) {
    epoch.setValue(100 * epochShare);
    epoch.setText(s.epochs() == 0 ? "" : I18n.get("training.tile.epochOf", s.epoch(), s.epochs()));
    speed.setValue(Double.isFinite(s.examplesPerSecond()) ? s.examplesPerSecond() : 0);
    timeLeft.setDescription(duration(s.secondsLeft()));
    best.setValue(Double.isFinite(bestAccuracy) ? 100 * bestAccuracy : 0);
    learningRate.setDescription(Double.isFinite(s.learningRate()) ? AxisTicks.formatValue(s.learningRate())
        .replaceAll("0+$", "").replaceAll("\\.$", "") : "–");
    if (mem != null) {
      memory.setValue(mem.physicalBytes() / 1e6);
      memory.setText(I18n.get("training.tile.heap", Math.round(mem.heapBytes() / 1e6)));
    }
  }

  /** "1 h 05 min", "3 min 20 s", "12 s", or "–" when unknown. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "–";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return s + " s";
  }
}
