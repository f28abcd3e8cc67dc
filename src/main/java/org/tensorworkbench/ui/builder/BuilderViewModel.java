package org.tensorworkbench.ui.builder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.tensorworkbench.engine.spec.InferredNetwork;
import org.tensorworkbench.engine.spec.LayerSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.engine.spec.ShapeInference;
import org.tensorworkbench.engine.spec.SpecException;
import org.tensorworkbench.ui.builder.model.AddLayerCommand;
import org.tensorworkbench.ui.builder.model.AutoLayoutCommand;
import org.tensorworkbench.ui.builder.model.Autosave;
import org.tensorworkbench.ui.builder.model.CommandStack;
import org.tensorworkbench.ui.builder.model.ConnectCommand;
import org.tensorworkbench.ui.builder.model.Connection;
import org.tensorworkbench.ui.builder.model.CutCommand;
import org.tensorworkbench.ui.builder.model.DeleteCommand;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.builder.model.DesignCommand;
import org.tensorworkbench.ui.builder.model.DesignFragment;
import org.tensorworkbench.ui.builder.model.DesignFiles;
import org.tensorworkbench.ui.builder.model.DisconnectCommand;
import org.tensorworkbench.ui.builder.model.EditLayerCommand;
import org.tensorworkbench.ui.builder.model.EditRejectedException;
import org.tensorworkbench.ui.builder.model.InsertLayerCommand;
import org.tensorworkbench.ui.builder.model.LayerFields;
import org.tensorworkbench.ui.builder.model.MoveNodesCommand;
import org.tensorworkbench.ui.builder.model.PasteNodesCommand;
import org.tensorworkbench.ui.builder.model.NodeGeometry;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.builder.model.RenameNodeCommand;
import org.tensorworkbench.ui.builder.model.SummaryTable;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.UiExecutor;
import org.tensorworkbench.ui.common.UiText;

/**
 * The state of the Network Builder without any JavaFX node: the design being edited, its
 * undo history, the shapes {@link ShapeInference} finds for it, the selection, the file it
 * belongs to and whether it has unsaved changes. Every edit goes through {@link #execute} as a
 * {@link DesignCommand}; shapes are re-inferred synchronously after each one, so what is drawn
 * always matches the design. Views redraw when {@link #inferredProperty()} changes, which
 * happens exactly once per edit, after the design is set.
 */
public final class BuilderViewModel {
  /** The batch size shapes are shown for until the user picks another: d2l's for Fashion-MNIST. */
  public static final int DEFAULT_BATCH = 256;

  private final UiExecutor executor;
  private final DesignHandoff handoff;
  private final Autosave autosave;
  private final CommandStack history = new CommandStack();

  private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(Design.empty());
  private final ReadOnlyObjectWrapper<InferredNetwork> inferred = new ReadOnlyObjectWrapper<>();
  private final IntegerProperty batchSize = new SimpleIntegerProperty(DEFAULT_BATCH);
  private final ObservableSet<String> selection = FXCollections.observableSet(new HashSet<>());
  /** One wrapper kept for good: listeners on a wrapper made per call would be dropped with it. */
  private final ObservableSet<String> readOnlySelection = FXCollections.unmodifiableObservableSet(selection);
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<UiText> notice = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper noticeIsError = new ReadOnlyBooleanWrapper();
  private final ObservableSet<Connection> selectedConnections = FXCollections.observableSet(new HashSet<>());
  private final ObservableSet<Connection> readOnlySelectedConnections = FXCollections.unmodifiableObservableSet(selectedConnections);
  private final DesignClipboard clipboard;
  /** The autosave found at start, until the user restores or discards it; the autosave file is left alone meanwhile. */
  private final ReadOnlyObjectWrapper<Autosave.Recovered> pendingRecovery = new ReadOnlyObjectWrapper<>();
  /** An autosave that could neither be read nor moved aside: this session writes none, so it is not overwritten. */
  private boolean autosaveHeld;
  private Design saved = Design.empty();
  private String lastPasted;
  private int pasteCount;

  /** A view model with a clipboard of its own: for tests and tools. */
  public BuilderViewModel(UiExecutor executor, DesignHandoff handoff, Path designsFolder) {
    this(executor, handoff, designsFolder, DesignClipboard.inMemory());
  }

  public BuilderViewModel(UiExecutor executor, DesignHandoff handoff, Path designsFolder, DesignClipboard clipboard) {
    this.executor = executor;
    this.handoff = handoff;
    this.clipboard = clipboard;
    this.autosave = new Autosave(designsFolder);
    batchSize.addListener((obs, old, now) -> infer());
    infer();
    lookForRecovery();
  }

  /** Reads the autosave the last session left (a few kilobytes, so on the calling thread). */
  private void lookForRecovery() {
    try {
      autosave.find().ifPresent(pendingRecovery::set);
    } catch (IOException | RuntimeException unreadable) {
      try {
        Path kept = autosave.keepAside();
        refuse(UiText.of("builder.recover.unreadable", kept.toString(), UiText.of(unreadable)));
      } catch (IOException cannotMove) {
        autosaveHeld = true;
        refuse(UiText.of("builder.notice.autosaveFailed", UiText.of(cannotMove)));
      }
    }
  }

  // ---- read-only state ----

  /** The executor of background work, shared with windows the builder opens (the Predict panel). */
  UiExecutor executor() {
    return executor;
  }

  public ReadOnlyObjectProperty<Design> designProperty() {
    return design.getReadOnlyProperty();
  }

  public Design design() {
    return design.get();
  }

  public ReadOnlyObjectProperty<InferredNetwork> inferredProperty() {
    return inferred.getReadOnlyProperty();
  }

  public InferredNetwork inferred() {
    return inferred.get();
  }

  /** The batch size N of every shape shown; at least 1. */
  public IntegerProperty batchSizeProperty() {
    return batchSize;
  }

  /** The ids of the selected nodes. */
  public ObservableSet<String> selection() {
    return readOnlySelection;
  }

  /** The selected connections; Delete removes them together with the selected nodes. */
  public ObservableSet<Connection> selectedConnections() {
    return readOnlySelectedConnections;
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** The name of the edit Undo would revert, e.g. "Add conv", empty if none. */
  public ReadOnlyStringProperty undoNameProperty() {
    return undoName.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty redoNameProperty() {
    return redoName.getReadOnlyProperty();
  }

  /** The file the design was opened from or last saved to; null for a new design. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  /** Whether the design differs from what was last opened or saved. */
  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** The last refusal, failure or confirmation to show; null when there is nothing to say. */
  public ReadOnlyObjectProperty<UiText> noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Whether the notice is a refusal or failure rather than information; set before the notice. */
  public ReadOnlyBooleanProperty noticeIsErrorProperty() {
    return noticeIsError.getReadOnlyProperty();
  }

  public List<SummaryTable.Row> summaryRows() {
    return SummaryTable.rows(inferred.get());
  }

  // ---- edits ----

  /**
   * Applies an edit and records it for undo.
   *
   * @return false if the edit was refused; {@link #noticeProperty()} then says why
   */
  public boolean execute(DesignCommand command) {
    try {
      Design after = history.execute(command, design.get());
      setDesign(after);
      inform(null);
      return true;
    } catch (EditRejectedException e) {
      refuse(UiText.of(e.key(), e.args()));
      return false;
    }
  }

  public boolean addLayer(LayerSpec layer, Position at) {
    Set<String> before = design.get().ids();
    boolean done = execute(new AddLayerCommand(layer, at));
    selectNew(before);
    return done;
  }

  public boolean insertLayer(LayerSpec layer, Position at, String from, String to) {
    Set<String> before = design.get().ids();
    boolean done = execute(new InsertLayerCommand(layer, at, from, to));
    selectNew(before);
    return done;
  }

  public boolean connect(String from, String to) {
    return execute(new ConnectCommand(from, to));
  }

  public boolean disconnect(String from, String to) {
    return execute(new DisconnectCommand(from, to));
  }

  public boolean move(Map<String, Position> to) {
    return execute(new MoveNodesCommand(to));
  }

  /** Deletes the selected nodes and connections as one undoable step. */
  public boolean deleteSelection() {
    if (selection.isEmpty() && selectedConnections.isEmpty()) {
      return false;
    }
    boolean done = execute(new DeleteCommand(Set.copyOf(selection), Set.copyOf(selectedConnections)));
    clearSelection();
    return done;
  }

  public boolean autoLayout() {
    return execute(new AutoLayoutCommand());
  }

  public boolean rename(String id, String newId) {
    boolean done = execute(new RenameNodeCommand(id, newId.trim()));
    if (done && selection.remove(id)) {
      selection.add(newId.trim());
    }
    return done;
  }

  /**
   * Sets one inspector field of a node from text as it is typed.
   *
   * @return empty if the value was accepted (and applied), else why it was not, in the active language
   */
  public Optional<String> editField(String id, String field, String text) {
    Optional<NodeSpec> node = design.get().node(id);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    LayerSpec changed;
    try {
      changed = LayerFields.with(node.get().layer(), field, text);
    } catch (EditRejectedException | SpecException e) {
      return Optional.of(UiText.of(e).get());
    }
    execute(new EditLayerCommand(id, changed, field));
    return Optional.empty();
  }

  /** Ends a run of keystrokes in one field: the next edit is a separate undo step. */
  public void endFieldEdit() {
    history.seal();
  }

  /**
   * Puts the selected nodes, the connections among them and their positions on the clipboard as
   * network JSON.
   *
   * @return false if no node is selected
   */
  public boolean copySelection() {
    if (selection.isEmpty()) {
      return false;
    }
    DesignFragment fragment = DesignFragment.of(design.get(), Set.copyOf(selection));
    clipboard.put(fragment.networkJson(), fragment.layoutJson());
    return true;
  }

  /** Copies the selected nodes, then removes them in one undoable step. */
  public boolean cutSelection() {
    if (!copySelection()) {
      return false;
    }
    boolean done = execute(new CutCommand(Set.copyOf(selection)));
    clearSelection();
    return done;
  }

  /** Whether the clipboard holds text that paste can try to read as a network. */
  public boolean canPaste() {
    return clipboard.text().filter(t -> !t.isBlank()).isPresent();
  }

  /**
   * Pastes the network JSON on the clipboard under fresh node names, each paste of the same text
   * a little further down and right, and selects the new nodes. Text that is no network changes
   * nothing and the notice says why.
   */
  public boolean paste() {
    Optional<String> text = clipboard.text().filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      refuse(UiText.of("builder.notice.pasteEmpty"));
      return false;
    }
    DesignFragment fragment;
    try {
      fragment = DesignFragment.parse(text.get(), clipboard.layout().orElse(null));
    } catch (SpecException e) {
      refuse(UiText.of("builder.notice.pasteNotNetwork", UiText.of(e)));
      return false;
    }
    if (fragment.isEmpty()) {
      refuse(UiText.of("builder.notice.pasteEmpty"));
      return false;
    }
    pasteCount = text.get().equals(lastPasted) ? pasteCount + 1 : 1;
    lastPasted = text.get();
    Set<String> before = design.get().ids();
    double dx = 30.0 * pasteCount;
    double dy = dx;
    if (clipboard.layout().isEmpty() && !design.get().nodes().isEmpty()) {
      // laid out on its own, the text's network would start where the design does: put it beside
      Collection<Position> here = design.get().positions().values();
      Collection<Position> there = fragment.positions().values();
      dx += here.stream().mapToDouble(Position::x).max().orElse(0) + NodeGeometry.WIDTH + NodeGeometry.COLUMN_GAP
          - there.stream().mapToDouble(Position::x).min().orElse(0);
      dy += here.stream().mapToDouble(Position::y).min().orElse(0) - there.stream().mapToDouble(Position::y).min().orElse(0);
    }
    boolean done = execute(new PasteNodesCommand(fragment.nodes(), fragment.positions(), dx, dy));
    selectNew(before);
    return done;
  }

  public void undo() {
    history.undo().ifPresent(this::setDesign);
  }

  public void redo() {
    history.redo().ifPresent(this::setDesign);
  }

  // ---- selection ----

  public void select(String id, boolean extend) {
    if (!extend) {
      selection.retainAll(Set.of(id));
      selectedConnections.clear();
    }
    if (extend && selection.contains(id)) {
      selection.remove(id);
    } else {
      selection.add(id);
    }
  }

  /** Selects a connection; with {@code extend} it is added to (or removed from) the selection. */
  public void selectConnection(Connection c, boolean extend) {
    if (!extend) {
      selection.clear();
      selectedConnections.retainAll(Set.of(c));
    }
    if (extend && selectedConnections.contains(c)) {
      selectedConnections.remove(c);
    } else {
      selectedConnections.add(c);
    }
  }

  public void selectOnly(Collection<String> ids) {
    selectedConnections.clear();
    selection.retainAll(Set.copyOf(ids));
    selection.addAll(ids);
  }

  public void selectAll() {
    selectOnly(design.get().ids());
  }

  public void clearSelection() {
    selection.clear();
    selectedConnections.clear();
  }

  /** The single selected node, if exactly one is selected. */
  public Optional<NodeSpec> selectedNode() {
    return selection.size() == 1 ? design.get().node(selection.iterator().next()) : Optional.empty();
  }

  // ---- files ----

  /** Starts an empty design; the previous one stays in the autosave only until this is saved. */
  public void newDesign() {
    replaceDocument(Design.empty(), null);
    inform(null);
  }

  /** Opens a template or another ready-made network, laid out top to bottom. */
  public void openNetwork(NetworkSpec spec) {
    replaceDocument(Design.laidOut(spec), null);
    inform(null);
  }

  /** Opens one of the engine's templates by name, e.g. "lenet". */
  public void openTemplate(String name) {
    NetworkSpec spec = org.tensorworkbench.engine.spec.Templates.load(name);
    openNetwork(spec);
    inform(UiText.of(org.tensorworkbench.engine.spec.Templates.descriptionKey(name)));
  }

  /**
   * What a lesson can check: {@code nodes}, {@code parameters} (trainable), {@code errors} (layers
   * with a shape error of their own) and {@code output.shape} (one example's, as a list; only when
   * exactly one layer feeds no other and its shape is known).
   */
  public Map<String, Object> lessonFacts() {
    Map<String, Object> facts = new java.util.LinkedHashMap<>();
    InferredNetwork shapes = inferred();
    facts.put("nodes", design().nodes().size());
    facts.put("parameters", shapes.parameterCount());
    facts.put("errors", shapes.errors().size());
    Set<String> feeding = new HashSet<>();
    design().nodes().forEach(n -> feeding.addAll(n.inputs()));
    List<NodeSpec> outputs = design().nodes().stream().filter(n -> !feeding.contains(n.id())).toList();
    if (outputs.size() == 1) {
      shapes.node(outputs.get(0).id()).filter(n -> n.isOk())
          .ifPresent(n -> facts.put("output.shape", n.output().perExample().dims().stream().map(Integer::longValue).toList()));
    }
    return facts;
  }

  /** Reads a network file in the background; a malformed file changes nothing and says why. */
  public void open(Path path) {
    executor.submit(() -> DesignFiles.read(path), opened -> {
      replaceDocument(opened, path);
      inform(UiText.of("builder.notice.opened", path.getFileName().toString()));
    }, error -> refuse(UiText.of("builder.notice.openFailed", path.getFileName().toString(), UiText.of(error))));
  }

  /** Saves to the current file; false if there is none yet (then Save As). */
  public boolean save() {
    Path target = file.get();
    if (target == null) {
      return false;
    }
    saveAs(target);
    return true;
  }

  public void saveAs(Path path) {
    saveAs(path, () -> { });
  }

  /** Saves to {@code path} in the background, then runs {@code afterSaved} on the FX thread if it worked. */
  public void saveAs(Path path, Runnable afterSaved) {
    Design snapshot = design.get();
    boolean mayDiscard = mayTouchAutosave();
    executor.submit(() -> {
      DesignFiles.write(snapshot, path);
      if (mayDiscard) {
        autosave.discard();
      }
      return path;
    }, written -> {
      saved(snapshot, written);
      afterSaved.run();
    }, error -> refuse(UiText.of("builder.notice.saveFailed", path.getFileName().toString(), UiText.of(error))));
  }

  /**
   * Saves to {@code path} on the calling thread: for closing the window, when there is no later
   * (a design file is a few kilobytes).
   *
   * @return whether it was saved; if not, the notice says why
   */
  public boolean saveNow(Path path) {
    Design snapshot = design.get();
    try {
      DesignFiles.write(snapshot, path);
      if (mayTouchAutosave()) {
        autosave.discard();
      }
    } catch (IOException | RuntimeException e) {
      refuse(UiText.of("builder.notice.saveFailed", path.getFileName().toString(), UiText.of(e)));
      return false;
    }
    saved(snapshot, path);
    return true;
  }

  private void saved(Design snapshot, Path written) {
    saved = snapshot;
    file.set(written);
    updateDirty();
    inform(UiText.of("builder.notice.saved", written.getFileName().toString()));
  }

  /**
   * Writes the unsaved design to the workspace, or removes the autosave when there is nothing
   * unsaved. Runs on the calling thread: for the exit, when there is no later. While a design
   * from the last session waits for the user's answer, its autosave is left as it is.
   */
  public void autosaveNow() throws IOException {
    if (!mayTouchAutosave()) {
      return;
    }
    if (dirty.get()) {
      autosave.write(design.get(), Optional.ofNullable(file.get()));
    } else {
      autosave.discard();
    }
  }

  /**
   * Autosaves in the background: the design is taken now, on the FX thread, and written by the
   * executor, so the timer never blocks the canvas on the disk.
   */
  public void autosaveInBackground() {
    if (!mayTouchAutosave()) {
      return;
    }
    Design snapshot = design.get();
    Optional<Path> source = Optional.ofNullable(file.get());
    boolean unsaved = dirty.get();
    executor.submit(() -> {
      if (unsaved) {
        autosave.write(snapshot, source);
      } else {
        autosave.discard();
      }
      return snapshot;
    }, done -> { }, error -> refuse(UiText.of("builder.notice.autosaveFailed", UiText.of(error))));
  }

  /** A design left unsaved by the last session and not yet restored or discarded, if any. */
  public Optional<Autosave.Recovered> recoverable() {
    return Optional.ofNullable(pendingRecovery.get());
  }

  /** The design the last session left unsaved while the user has not answered the offer to restore it; else null. */
  public ReadOnlyObjectProperty<Autosave.Recovered> pendingRecoveryProperty() {
    return pendingRecovery.getReadOnlyProperty();
  }

  /** Continues the recovered design; it stays unsaved (and autosaved) until saved. */
  public void restore(Autosave.Recovered recovered) {
    pendingRecovery.set(null);
    replaceDocument(recovered.design(), recovered.source().orElse(null));
    saved = recovered.source().map(BuilderViewModel::savedVersion).orElse(Design.empty());
    updateDirty();
    inform(UiText.of("builder.notice.restored"));
  }

  /** The user declined the design of the last session: its autosave is deleted. */
  public void declineRecovery() throws IOException {
    pendingRecovery.set(null);
    autosave.discard();
  }

  /** Removes the autosaved copy on leaving without saving; a design still offered for restoring is kept. */
  public void discardAutosave() throws IOException {
    if (mayTouchAutosave()) {
      autosave.discard();
    }
  }

  /** Whether this session may write or delete the autosave: not before the user has answered the offer to restore. */
  private boolean mayTouchAutosave() {
    return pendingRecovery.get() == null && !autosaveHeld;
  }

  /** The name the design is known by: its file's name, or "Untitled network". */
  public String designName() {
    Path f = file.get();
    return f == null ? org.tensorworkbench.i18n.Messages.get("builder.untitled") : f.getFileName().toString();
  }

  // ---- hand-off ----

  /**
   * Hands the design to the Training screen.
   *
   * @return false if the design cannot be trained yet (the notice says why)
   */
  public boolean trainThis() {
    InferredNetwork network = inferred.get();
    if (design.get().nodes().isEmpty()) {
      refuse(UiText.of("builder.notice.trainEmpty"));
      return false;
    }
    if (!network.isComplete()) {
      String first = network.validation().errors().stream().findFirst().map(i -> i.message().text())
          .orElseGet(() -> network.errors().get(0).problem().text());
      refuse(UiText.of("builder.notice.trainInvalid", first));
      return false;
    }
    boolean received = handoff.publish(design.get().spec());
    inform(UiText.of(received ? "builder.notice.handedOver" : "builder.notice.trainingComing"));
    return true;
  }

  // ---- internals ----

  private void replaceDocument(Design d, Path path) {
    history.clear();
    clearSelection();
    saved = d;
    file.set(path);
    setDesign(d);
  }

  /** Sets the design, then its shapes: who redraws on the shapes sees the design they belong to. */
  private void setDesign(Design d) {
    InferredNetwork shapes = ShapeInference.infer(d.spec(), Math.max(1, batchSize.get()));
    design.set(d);
    selection.retainAll(d.ids());
    selectedConnections.removeIf(c -> d.node(c.to()).map(n -> !n.inputs().contains(c.from())).orElse(true));
    inferred.set(shapes);
    canUndo.set(history.nextUndo().isPresent());
    canRedo.set(history.nextRedo().isPresent());
    undoName.set(history.nextUndo().map(DesignCommand::description).orElse(""));
    redoName.set(history.nextRedo().map(DesignCommand::description).orElse(""));
    updateDirty();
  }

  private void infer() {
    int n = Math.max(1, batchSize.get());
    inferred.set(ShapeInference.infer(design.get().spec(), n));
  }

  private void updateDirty() {
    dirty.set(!design.get().equals(saved));
  }

  private void selectNew(Set<String> before) {
    List<String> added = new ArrayList<>(design.get().ids());
    added.removeAll(before);
    if (!added.isEmpty()) {
      selectOnly(added);
    }
  }

  /** What the recovered design's file holds now: the design is dirty against it; a file gone or unreadable counts as empty. */
  private static Design savedVersion(Path path) {
    try {
      return DesignFiles.read(path);
    } catch (IOException | SpecException e) {
      org.slf4j.LoggerFactory.getLogger(BuilderViewModel.class).info("the restored design's file {} cannot be read: {}", path, e.toString());
      return Design.empty();
    }
  }

  private void inform(UiText text) {
    noticeIsError.set(false);
    notice.set(text);
  }

  private void refuse(UiText text) {
    noticeIsError.set(true);
    notice.set(text);
  }

}
