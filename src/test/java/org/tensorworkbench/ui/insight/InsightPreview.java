package org.tensorworkbench.ui.insight;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.inspect.ModelInspector;
import org.tensorworkbench.engine.train.Optimizer;
import org.tensorworkbench.engine.train.SessionOptions;
import org.tensorworkbench.engine.train.TrainingConfig;
import org.tensorworkbench.engine.train.TrainingEvent;
import org.tensorworkbench.engine.train.TrainingSession;
import org.tensorworkbench.ui.common.AppContext;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.FxUiExecutor;
import org.tensorworkbench.ui.common.I18n;

/**
 * Shows the two insight panes with a freshly trained network, for looking at them on a real
 * display (and taking screenshots) before the Training screen hosts them:
 * {@code java -cp <test classpath> org.tensorworkbench.ui.insight.InsightPreview [template] [en|zh] [inside|results]}.
 * Trains the template (default LeNet) with Adam for four epochs on 5,000 Fashion-MNIST images first.
 */
public final class InsightPreview {
  private static final AtomicReference<TrainingEvent.Snapshot> LAST_SNAPSHOT = new AtomicReference<>();
  private static final AtomicReference<TrainingEvent> LAST_EVENT = new AtomicReference<>();
  private static Dataset data;
  private static CompiledNetwork network;
  private static String[] arguments;

  public static void main(String[] args) throws Exception {
    arguments = args;
    String template = args.length > 0 ? args[0] : "lenet";
    data = InsightFixtures.load(DatasetRegistry.FASHION_MNIST, 5000, 1000);
    network = InsightFixtures.compile(template, 1);
    TrainingConfig config = TrainingConfig.defaults().withOptimizer(Optimizer.ADAM).withBatchSize(128).withEpochs(4)
        .withLearningRate(0.005);
    SessionOptions options = SessionOptions.quiet().withSnapshots(Duration.ofSeconds(1), 0, List.of());
    TrainingSession session = new TrainingSession(network, data.train(), data.test(), config, options, event -> {
      if (event instanceof TrainingEvent.Snapshot s) {
        LAST_SNAPSHOT.set(s);
      } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
        LAST_EVENT.set(event);
      }
    });
    session.start();
    session.awaitEnd(10, TimeUnit.MINUTES);
    session.close();
    Application.launch(Window.class, args);
  }

  /** The window; the main class must not extend Application on the class path. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      show(stage);
    }
  }

  private static void show(Stage stage) {
    I18n.setLocale(arguments.length > 1 && arguments[1].equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    AppContext context = new AppContext(new FxUiExecutor(), Path.of("").toAbsolutePath(), Path.of("target/preview"));
    ModelInspector inspector = new ModelInspector(network, data.test());
    ModelAccess access = new ModelAccess() {
      @Override
      public synchronized <T> CompletableFuture<T> withInspector(Function<ModelInspector, T> work) {
        try {
          return CompletableFuture.completedFuture(work.apply(inspector));
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    };
    InsidePane inside = new InsidePane(context, access);
    ResultsPane results = new ResultsPane(context, access);
    Tab insideTab = new Tab(I18n.get("insight.inside.headingModel"), inside.root());
    Tab resultsTab = new Tab(I18n.get("insight.results.confusion"), results.root());
    TabPane tabs = new TabPane(insideTab, resultsTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    if (arguments.length > 2 && arguments[2].equals("results")) {
      tabs.getSelectionModel().select(resultsTab);
    }
    Scene scene = new Scene(tabs, 1280, 800);
    Appearance.apply(tabs);
    stage.setTitle("Tensor Workbench insight preview");
    stage.setScene(scene);
    stage.show();
    inside.setClassNames(data.classNames());
    if (LAST_SNAPSHOT.get() != null) {
      inside.onSnapshot(LAST_SNAPSHOT.get());
    } else {
      inside.refresh();
    }
    if (LAST_EVENT.get() instanceof TrainingEvent.Finished finished) {
      results.showResults(finished.test(), data.classNames());
    } else {
      Platform.exit();
    }
  }
}
