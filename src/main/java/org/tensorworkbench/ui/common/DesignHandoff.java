package org.tensorworkbench.ui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.train.TrainingConfig;

/**
 * Hands a network design from the Network Builder ("Train this network") to the Training
 * screen ({@link #of}), or from a lab to the Network Builder ({@link #toBuilder}). The last design handed over is kept, so a Training screen created later still finds
 * it; a screen that is already open subscribes. One hand-off exists per {@link AppContext}.
 * The Tuning Lab ("Train this configuration") hands over a training configuration with the design.
 * Use it on the FX thread.
 */
public final class DesignHandoff {
  private final ReadOnlyObjectWrapper<NetworkSpec> latest = new ReadOnlyObjectWrapper<>();
  private final List<Consumer<NetworkSpec>> subscribers = new CopyOnWriteArrayList<>();
  private TrainingConfig latestConfig;

  /** A hand-off of its own, for tests; the app uses {@link #of}. */
  public DesignHandoff() {}

  /** The hand-off shared by every screen of the app wired with {@code context}. */
  public static DesignHandoff of(AppContext context) {
    return context.links().toTraining();
  }

  /**
   * The hand-off in the other direction: a lab (the Playground's "Open in Network Builder")
   * hands a design to the Network Builder, which opens it.
   */
  public static DesignHandoff toBuilder(AppContext context) {
    return context.links().toBuilder();
  }

  /** The last design handed over, null before the first. */
  public ReadOnlyObjectProperty<NetworkSpec> latestProperty() {
    return latest.getReadOnlyProperty();
  }

  /** The configuration handed over with the last design, if any. */
  public java.util.Optional<TrainingConfig> latestConfig() {
    return java.util.Optional.ofNullable(latestConfig);
  }

  /** Calls {@code subscriber} with every design handed over from now on; returns how to stop. */
  public Runnable subscribe(Consumer<NetworkSpec> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /**
   * Hands {@code spec} over.
   *
   * @return whether a screen received it now (false: it waits in {@link #latestProperty()})
   */
  public boolean publish(NetworkSpec spec) {
    return publish(spec, null);
  }

  /**
   * Hands {@code spec} over with the configuration to train it with (null: keep the screen's).
   *
   * @return whether a screen received it now (false: it waits in {@link #latestProperty()})
   */
  public boolean publish(NetworkSpec spec, TrainingConfig config) {
    latestConfig = config;
    latest.set(spec);
    subscribers.forEach(s -> s.accept(spec));
    return !subscribers.isEmpty();
  }
}
