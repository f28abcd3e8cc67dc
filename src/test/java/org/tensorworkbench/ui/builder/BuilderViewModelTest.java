package org.tensorworkbench.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.AddSpec;
import org.tensorworkbench.engine.spec.Conv2dSpec;
import org.tensorworkbench.engine.spec.DenseSpec;
import org.tensorworkbench.engine.spec.DropoutSpec;
import org.tensorworkbench.engine.spec.FlattenSpec;
import org.tensorworkbench.engine.spec.InputSpec;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NodeShape;
import org.tensorworkbench.engine.spec.OutputSpec;
import org.tensorworkbench.engine.spec.Padding;
import org.tensorworkbench.engine.spec.TensorShape;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.ui.builder.model.Connection;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.UiExecutor;

/** The builder's state and every edit, without a JavaFX toolkit. */
class BuilderViewModelTest {
  @TempDir
  Path temp;

  private BuilderViewModel viewModel() {
    return new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp.resolve("designs"));
  }

  /** Input -> conv1 -> flatten1 -> dense1 -> output1 built through the view model. */
  private BuilderViewModel smallCnn() {
    BuilderViewModel vm = viewModel();
    vm.addLayer(InputSpec.of(1, 28, 28), new Position(0, 0));
    vm.addLayer(Conv2dSpec.of(6, 5).withPadding(Padding.of(2)), new Position(0, 100));
    vm.addLayer(new FlattenSpec(), new Position(0, 200));
    vm.addLayer(DenseSpec.of(10), new Position(0, 300));
    vm.addLayer(new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY), new Position(0, 400));
    vm.connect("input1", "conv1");
    vm.connect("conv1", "flatten1");
    vm.connect("flatten1", "dense1");
    vm.connect("dense1", "output1");
    return vm;
  }

  /** Runs an edit, then checks that undo gives back the design before and redo the one after. */
  private static void assertUndoesAndRedoesExactly(BuilderViewModel vm, Consumer<BuilderViewModel> edit) {
    Design before = vm.design();
    edit.accept(vm);
    Design after = vm.design();
    assertNotEquals(before, after, "the edit changed nothing");
    vm.undo();
    assertEquals(before, vm.design());
    vm.redo();
    assertEquals(after, vm.design());
    vm.undo();
    assertEquals(before, vm.design());
    vm.redo();
  }

  @Test
  void buildsAChainWithShapesForTheBatch() {
    BuilderViewModel vm = smallCnn();
    vm.batchSizeProperty().set(1);
    assertEquals(TensorShape.of(1, 6, 28, 28), vm.inferred().outputShape("conv1"));
    assertEquals(TensorShape.of(1, 4704), vm.inferred().outputShape("flatten1"));
    assertEquals(6 * 25 + 6 + 4704 * 10 + 10, vm.inferred().parameterCount());
    vm.batchSizeProperty().set(256);
    assertEquals(TensorShape.of(256, 10), vm.inferred().outputShape("dense1"));
  }

  @Test
  void everyCommandUndoesAndRedoesExactly() {
    BuilderViewModel vm = smallCnn();
    assertUndoesAndRedoesExactly(vm, v -> v.addLayer(new DropoutSpec(0.5), new Position(300, 0)));
    assertUndoesAndRedoesExactly(vm, v -> v.insertLayer(new DropoutSpec(0.2), new Position(0, 250), "flatten1", "dense1"));
    assertUndoesAndRedoesExactly(vm, v -> v.connect("conv1", "dense1"));
    assertUndoesAndRedoesExactly(vm, v -> v.disconnect("dense1", "output1"));
    assertUndoesAndRedoesExactly(vm, v -> v.move(Map.of("conv1", new Position(50, 120), "dense1", new Position(9, 9))));
    assertUndoesAndRedoesExactly(vm, v -> v.editField("conv1", "outChannels", "16"));
    assertUndoesAndRedoesExactly(vm, BuilderViewModel::autoLayout);
    assertUndoesAndRedoesExactly(vm, v -> {
      v.selectOnly(List.of("conv1", "flatten1"));
      v.copySelection();
      v.paste();
    });
    assertUndoesAndRedoesExactly(vm, v -> v.rename("conv1", "features"));
    assertUndoesAndRedoesExactly(vm, v -> {
      v.selectOnly(List.of("features", "flatten1"));
      v.deleteSelection();
    });
  }

  @Test
  void insertingOnAConnectionSplicesTheLayerIn() {
    BuilderViewModel vm = smallCnn();
    vm.insertLayer(new DropoutSpec(0.2), new Position(0, 250), "flatten1", "dense1");
    assertEquals(List.of("dropout1"), vm.design().node("dense1").orElseThrow().inputs());
    assertEquals(List.of("flatten1"), vm.design().node("dropout1").orElseThrow().inputs());
    assertEquals(Set.of("dropout1"), vm.selection());
  }

  @Test
  void newCommandsUndoAndRedoExactly() {
    BuilderViewModel vm = smallCnn();
    assertUndoesAndRedoesExactly(vm, v -> {
      v.selectConnection(new Connection("conv1", "flatten1"), false);
      assertTrue(v.deleteSelection());
    });
    assertUndoesAndRedoesExactly(vm, v -> {
      v.select("output1", false);
      v.selectConnection(new Connection("input1", "conv1"), true);
      v.selectConnection(new Connection("flatten1", "dense1"), true);
      assertTrue(v.deleteSelection());
    });
    assertUndoesAndRedoesExactly(vm, v -> {
      v.selectOnly(List.of("flatten1", "dense1"));
      assertTrue(v.cutSelection());
    });
    assertUndoesAndRedoesExactly(vm, v -> {
      v.selectOnly(List.of("conv1", "flatten1"));
      v.copySelection();
      assertTrue(v.paste());
    });
  }

  @Test
  void clickingAConnectionSelectsOnlyItAndDeleteRemovesJustThatConnection() {
    BuilderViewModel vm = smallCnn();
    vm.select("dense1", false);
    vm.selectConnection(new Connection("flatten1", "dense1"), false);
    assertEquals(Set.of(), vm.selection(), "a connection click replaces the node selection");
    assertEquals(Set.of(new Connection("flatten1", "dense1")), vm.selectedConnections());
    vm.deleteSelection();
    assertEquals(List.of(), vm.design().node("dense1").orElseThrow().inputs());
    assertEquals(5, vm.design().nodes().size(), "no node is deleted with the connection");
    assertEquals("Disconnect flatten1 from dense1", vm.undoNameProperty().get());
    assertEquals(Set.of(), vm.selectedConnections());
    vm.undo();
    vm.selectConnection(new Connection("flatten1", "dense1"), false);
    vm.redo();
    assertEquals(Set.of(), vm.selectedConnections(), "a connection that is gone is no longer selected");
  }

  @Test
  void copyPutsTheSelectedNodesAndTheirConnectionsOnTheClipboardAsNetworkJson() {
    DesignClipboard clipboard = DesignClipboard.inMemory();
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp, clipboard);
    vm.openNetwork(smallCnn().design().spec());
    vm.selectOnly(List.of("conv1", "flatten1"));
    assertTrue(vm.copySelection());
    NetworkSpec copied = NetworkSpecJson.readDraft(clipboard.text().orElseThrow());
    assertEquals(List.of("conv1", "flatten1"), copied.nodes().stream().map(NodeSpec::id).toList());
    assertEquals(List.of(), copied.node("conv1").orElseThrow().inputs(), "the connection from outside is not copied");
    assertEquals(List.of("conv1"), copied.node("flatten1").orElseThrow().inputs());
    assertTrue(clipboard.layout().orElseThrow().contains("\"conv1\""));
  }

  @Test
  void pastingRenamesOffsetsAndKeepsTheInnerConnection() {
    BuilderViewModel vm = smallCnn();
    vm.selectOnly(List.of("conv1", "flatten1"));
    vm.copySelection();
    vm.paste();
    assertEquals(Set.of("conv2", "flatten2"), vm.selection());
    assertEquals(List.of("conv2"), vm.design().node("flatten2").orElseThrow().inputs());
    assertEquals(new Position(30, 130), vm.design().position("conv2"));
    vm.paste();
    assertEquals(Set.of("conv3", "flatten3"), vm.selection());
    assertEquals(new Position(60, 160), vm.design().position("conv3"), "each paste of the same copy goes further");
    assertEquals(9, vm.design().nodes().size());
  }

  @Test
  void pastesNetworkJsonWrittenElsewhereAndLaysItOut() {
    DesignClipboard clipboard = DesignClipboard.inMemory();
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp, clipboard);
    vm.openNetwork(NetworkSpec.sequential("a", InputSpec.of(784), DenseSpec.of(10)));
    clipboard.put(NetworkSpecJson.write(NetworkSpec.sequential("b", InputSpec.of(784), DenseSpec.of(32))), null);
    assertTrue(vm.paste());
    assertEquals(Set.of("input2", "dense2"), vm.selection());
    assertEquals(List.of("input2"), vm.design().node("dense2").orElseThrow().inputs());
    assertTrue(vm.design().position("dense2").y() > vm.design().position("input2").y(), "laid out top to bottom");
    assertTrue(vm.design().position("input2").x() > vm.design().position("dense1").x() + 232, "beside the design, not on it");
  }

  @Test
  void pastingTextThatIsNoNetworkChangesNothingAndSaysWhy() {
    DesignClipboard clipboard = DesignClipboard.inMemory();
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp, clipboard);
    Design before = vm.design();
    assertFalse(vm.paste());
    assertEquals("builder.notice.pasteEmpty", vm.noticeProperty().get().key());
    clipboard.put("Dear diary, today I trained LeNet.", null);
    assertFalse(vm.paste());
    assertEquals("builder.notice.pasteNotNetwork", vm.noticeProperty().get().key());
    assertEquals(before, vm.design());
    assertFalse(vm.canUndoProperty().get());
  }

  @Test
  void saveAsRunsTheFollowUpOnlyAfterASuccessfulSave() throws IOException {
    BuilderViewModel vm = smallCnn();
    boolean[] ran = new boolean[1];
    Path notAFolder = Files.writeString(temp.resolve("not-a-folder"), "");
    vm.saveAs(notAFolder.resolve("x.json"), () -> ran[0] = true);
    assertFalse(ran[0]);
    assertTrue(vm.dirtyProperty().get());
    vm.saveAs(temp.resolve("x.json"), () -> ran[0] = true);
    assertTrue(ran[0]);
    assertFalse(vm.dirtyProperty().get());
  }

  @Test
  void saveNowWritesAtOnceOrSaysWhyNot() throws IOException {
    BuilderViewModel vm = smallCnn();
    Path notAFolder = Files.writeString(temp.resolve("plain-file"), "");
    assertFalse(vm.saveNow(notAFolder.resolve("x.json")));
    assertEquals("builder.notice.saveFailed", vm.noticeProperty().get().key());
    assertTrue(vm.dirtyProperty().get());
    assertTrue(vm.saveNow(temp.resolve("now.json")));
    assertFalse(vm.dirtyProperty().get());
    assertEquals(vm.design().spec(), NetworkSpecJson.read(temp.resolve("now.json")));
  }

  @Test
  void deletingANodeRemovesItsConnections() {
    BuilderViewModel vm = smallCnn();
    vm.select("flatten1", false);
    vm.deleteSelection();
    assertEquals(List.of(), vm.design().node("dense1").orElseThrow().inputs());
    assertFalse(vm.design().positions().containsKey("flatten1"));
  }

  @Test
  void aShapeErrorIsNamedAndTheRestKeepTheirShapes() {
    BuilderViewModel vm = smallCnn();
    vm.connect("conv1", "dense1");
    NodeShape dense = vm.inferred().node("dense1").orElseThrow();
    assertEquals(NodeShape.Status.ERROR, dense.status());
    assertTrue(dense.problem().key().startsWith("spec.shape."), dense.problem().key());
    assertTrue(vm.inferred().node("flatten1").orElseThrow().isOk());
    assertTrue(vm.inferred().node("conv1").orElseThrow().isOk());
    vm.undo();
    assertTrue(vm.inferred().isComplete());
  }

  @Test
  void refusesLoopsAndSaysWhy() {
    BuilderViewModel vm = smallCnn();
    Design before = vm.design();
    assertFalse(vm.connect("dense1", "conv1"));
    assertEquals(before, vm.design());
    assertTrue(vm.noticeIsErrorProperty().get());
    assertEquals("builder.reject.loop", vm.noticeProperty().get().key());
    assertFalse(vm.connect("conv1", "input1"));
  }

  @Test
  void keystrokesInOneFieldAreOneUndoStep() {
    BuilderViewModel vm = smallCnn();
    Design before = vm.design();
    vm.editField("dense1", "units", "1");
    vm.editField("dense1", "units", "12");
    vm.editField("dense1", "units", "120");
    vm.endFieldEdit();
    assertEquals(120, ((DenseSpec) vm.design().node("dense1").orElseThrow().layer()).units());
    vm.undo();
    assertEquals(before, vm.design());
  }

  @Test
  void invalidFieldValuesAreRefusedWithAReason() {
    BuilderViewModel vm = smallCnn();
    Design before = vm.design();
    assertTrue(vm.editField("dense1", "units", "0").isPresent());
    assertTrue(vm.editField("conv1", "kernel", "-3").isPresent());
    assertTrue(vm.editField("conv1", "kernel", "abc").isPresent());
    vm.addLayer(new DropoutSpec(0.5), new Position(0, 0));
    Design withDropout = vm.design();
    assertTrue(vm.editField("dropout1", "p", "1").isPresent());
    assertTrue(vm.editField("dropout1", "p", "-0.1").isPresent());
    assertEquals(withDropout, vm.design());
    assertTrue(vm.editField("dropout1", "p", "0.3").isEmpty());
    assertNotEquals(before, vm.design());
  }

  @Test
  void savesAndReopensWithPositions() throws IOException {
    BuilderViewModel vm = smallCnn();
    Path file = temp.resolve("cnn.json");
    vm.saveAs(file);
    assertFalse(vm.dirtyProperty().get());
    assertTrue(Files.exists(temp.resolve("cnn.layout.json")));
    BuilderViewModel other = viewModel();
    other.open(file);
    assertEquals(vm.design(), other.design());
    assertEquals(file, other.fileProperty().get());
    assertFalse(other.canUndoProperty().get());
  }

  @Test
  void aMalformedFileChangesNothingAndSaysWhy() throws IOException {
    BuilderViewModel vm = smallCnn();
    Design before = vm.design();
    Path bad = temp.resolve("bad.json");
    Files.writeString(bad, "{\"formatVersion\": 1, \"name\": \"x\", \"nodes\": [{\"id\": \"a\", \"layer\": {\"type\": \"warp\"}}]}");
    vm.open(bad);
    assertEquals(before, vm.design());
    assertTrue(vm.noticeIsErrorProperty().get());
    assertTrue(vm.noticeProperty().get().get().contains("warp"), vm.noticeProperty().get().get());
  }

  @Test
  void undoingBackToTheSavedDesignIsClean() {
    BuilderViewModel vm = smallCnn();
    vm.saveAs(temp.resolve("a.json"));
    vm.addLayer(new DropoutSpec(0.5), Position.ORIGIN);
    assertTrue(vm.dirtyProperty().get());
    vm.undo();
    assertFalse(vm.dirtyProperty().get());
  }

  @Test
  void anUnsavedDesignIsOfferedAfterARestart() throws IOException {
    BuilderViewModel vm = smallCnn();
    vm.autosaveNow();
    BuilderViewModel next = viewModel();
    var recovered = next.recoverable().orElseThrow();
    next.restore(recovered);
    assertEquals(vm.design(), next.design());
    assertTrue(next.dirtyProperty().get());
    vm.saveAs(temp.resolve("done.json"));
    assertTrue(viewModel().recoverable().isEmpty(), "saving removes the autosave");
  }

  @Test
  void aSingleUnconnectedLayerIsOfferedAfterAKillAndKeptUntilTheUserAnswers() throws IOException {
    BuilderViewModel vm = viewModel();
    vm.addLayer(DenseSpec.of(64), new Position(120, 80));
    vm.autosaveInBackground();
    Path autosave = temp.resolve("designs").resolve("autosave.json");
    assertTrue(Files.exists(autosave));

    BuilderViewModel next = viewModel();
    assertTrue(next.recoverable().isPresent(), "an unconnected layer is offered");
    next.autosaveInBackground();
    next.autosaveNow();
    next.discardAutosave();
    next.saveNow(temp.resolve("other.json"));
    assertTrue(Files.exists(autosave), "nothing deletes the autosave before the user has answered");

    BuilderViewModel third = viewModel();
    third.restore(third.recoverable().orElseThrow());
    assertEquals(vm.design(), third.design());
    assertEquals(new Position(120, 80), third.design().position("dense1"));
    assertTrue(third.dirtyProperty().get());
    assertNull(third.pendingRecoveryProperty().get());
  }

  @Test
  void declinedRecoveryDeletesTheAutosave() throws IOException {
    BuilderViewModel vm = viewModel();
    vm.addLayer(DenseSpec.of(64), Position.ORIGIN);
    vm.autosaveNow();
    BuilderViewModel next = viewModel();
    next.declineRecovery();
    assertTrue(viewModel().recoverable().isEmpty());
    assertNull(next.pendingRecoveryProperty().get());
  }

  @Test
  void anAutosaveIdenticalToItsSavedFileIsNotOffered() throws IOException {
    BuilderViewModel vm = smallCnn();
    Path file = temp.resolve("same.json");
    vm.saveNow(file);
    vm.addLayer(new DropoutSpec(0.5), Position.ORIGIN);
    vm.autosaveNow();
    assertTrue(viewModel().recoverable().isPresent(), "newer than the save");
    vm.undo();
    org.tensorworkbench.ui.builder.model.DesignFiles.write(vm.design(), file);
    new org.tensorworkbench.ui.builder.model.Autosave(temp.resolve("designs")).write(vm.design(), java.util.Optional.of(file));
    assertTrue(viewModel().recoverable().isEmpty(), "the file already holds it");
  }

  @Test
  void anUnreadableAutosaveIsKeptAsideAndNamed() throws IOException {
    Path designs = temp.resolve("designs");
    Files.createDirectories(designs);
    Files.writeString(designs.resolve("autosave.json"), "{\"formatVersion\": 1, \"nodes\": [{\"id\": \"a\"");
    BuilderViewModel vm = viewModel();
    assertTrue(vm.recoverable().isEmpty());
    assertTrue(vm.noticeIsErrorProperty().get());
    String text = vm.noticeProperty().get().get();
    assertTrue(text.contains("autosave-unreadable-"), text);
    assertFalse(Files.exists(designs.resolve("autosave.json")));
    try (var kept = Files.list(designs)) {
      Path aside = kept.filter(p -> p.getFileName().toString().startsWith("autosave-unreadable-")).findFirst().orElseThrow();
      assertTrue(Files.readString(aside).startsWith("{\"formatVersion\": 1"));
    }
  }

  @Test
  void trainingHandOffPublishesOnlyACompleteNetwork() {
    DesignHandoff handoff = new DesignHandoff();
    BuilderViewModel vm = new BuilderViewModel(UiExecutor.direct(), handoff, temp);
    assertFalse(vm.trainThis());
    vm = new BuilderViewModel(UiExecutor.direct(), handoff, temp);
    vm.openNetwork(NetworkSpec.sequential("mlp", InputSpec.of(784), DenseSpec.of(10),
        new OutputSpec(OutputSpec.Loss.SOFTMAX_CROSS_ENTROPY)));
    assertTrue(vm.trainThis());
    assertEquals("builder.notice.trainingComing", vm.noticeProperty().get().key());
    assertEquals("mlp", handoff.latestProperty().get().name());
    NetworkSpec[] received = new NetworkSpec[1];
    handoff.subscribe(s -> received[0] = s);
    assertTrue(vm.trainThis());
    assertEquals("builder.notice.handedOver", vm.noticeProperty().get().key());
    assertEquals("mlp", received[0].name());
  }

  @Test
  void addMergesSkipConnections() {
    BuilderViewModel vm = viewModel();
    vm.openNetwork(NetworkSpec.sequential("r", InputSpec.of(3, 8, 8), Conv2dSpec.of(3, 3).withPadding(Padding.of(1))));
    vm.addLayer(new AddSpec(), Position.ORIGIN);
    vm.connect("conv1", "add1");
    vm.connect("input1", "add1");
    assertEquals(List.of("conv1", "input1"), vm.design().node("add1").orElseThrow().inputs());
    assertTrue(vm.inferred().node("add1").orElseThrow().isOk());
    assertNull(vm.noticeProperty().get());
  }
}
