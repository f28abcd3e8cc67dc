package org.tensorworkbench.ui.tensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tensorworkbench.engine.lab.tensor.ElementwiseOp;
import org.tensorworkbench.engine.lab.tensor.TensorSource;
import org.tensorworkbench.ui.common.LatestResult;
import org.tensorworkbench.ui.common.UiExecutor;

/** The Tensor Lab's view models without a toolkit: the direct executor runs the engine at once. */
class TensorLabViewModelsTest {

  @Test
  void broadcastingStartsWithD2lsColumnPlusRow() {
    BroadcastViewModel vm = new BroadcastViewModel(UiExecutor.direct());
    vm.recompute();
    assertArrayEquals(new int[] {3, 2}, vm.resultProperty().get().result().shape());
    assertArrayEquals(new double[] {0, 1, 1, 2, 2, 3}, vm.resultProperty().get().result().values());
  }

  @Test
  void incompatibleShapesAreAResultNotAnError() {
    BroadcastViewModel vm = new BroadcastViewModel(UiExecutor.direct());
    vm.load(BroadcastViewModel.Example.INCOMPATIBLE);
    assertNull(vm.errorProperty().get());
    assertFalse(vm.resultProperty().get().compatible());
    assertEquals(1, vm.resultProperty().get().explanation().failingAxis());
  }

  @Test
  void aShapeThatDoesNotParseIsAnError() {
    BroadcastViewModel vm = new BroadcastViewModel(UiExecutor.direct());
    vm.x().shapeProperty().set("2, x");
    assertNull(vm.resultProperty().get());
    assertEquals("tensors.error.notAnInteger", vm.errorProperty().get().key());
    vm.x().shapeProperty().set("2, 1");
    assertNull(vm.errorProperty().get(), "fixing the input clears the error");
    assertArrayEquals(new int[] {2, 2}, vm.resultProperty().get().result().shape());
  }

  @Test
  void operationAndSourceChangesRecompute() {
    BroadcastViewModel vm = new BroadcastViewModel(UiExecutor.direct());
    vm.load(BroadcastViewModel.Example.FOUR_D);
    assertArrayEquals(new int[] {2, 4, 3, 2}, vm.resultProperty().get().result().shape());
    vm.opProperty().set(ElementwiseOp.GREATER);
    assertTrue(vm.resultProperty().get().result().bool());
    vm.x().sourceProperty().set(TensorSource.TYPED);
    vm.x().typedProperty().set("1 2 3 4 5 6");
    assertEquals(1.0, vm.resultProperty().get().a().get(0, 0, 0, 0));
  }

  @Test
  void shapeOperationsSwitchTheirArgument() {
    ShapeOpsViewModel vm = new ShapeOpsViewModel(UiExecutor.direct());
    vm.recompute();
    assertArrayEquals(new int[] {3, 4}, vm.resultProperty().get().output().shape());
    vm.kindProperty().set(ShapeOpsViewModel.Kind.SUM);
    assertEquals("1", vm.argumentProperty().get());
    assertArrayEquals(new int[] {2, 1, 3}, vm.resultProperty().get().output().shape());
    vm.keepDimsProperty().set(false);
    assertArrayEquals(new int[] {2, 3}, vm.resultProperty().get().output().shape());
    vm.argumentProperty().set("5");
    assertEquals("tensors.error.axisRange", vm.errorProperty().get().key());
    vm.kindProperty().set(ShapeOpsViewModel.Kind.TRANSPOSE);
    vm.argumentProperty().set("1");
    assertEquals("tensors.error.argumentCount", vm.errorProperty().get().key());
  }

  @Test
  void matmulExamplesIncludeBroadcastBatchesAndAMisfit() {
    MatMulViewModel vm = new MatMulViewModel(UiExecutor.direct());
    vm.load(MatMulViewModel.Example.BROADCAST_BATCH);
    assertArrayEquals(new int[] {2, 1, 4, 4}, vm.resultProperty().get().result().shape());
    vm.load(MatMulViewModel.Example.INNER_MISMATCH);
    assertFalse(vm.resultProperty().get().ok());
    assertEquals("tensors.error.matmulInner", vm.resultProperty().get().error().key());
  }

  @Test
  void memoryDemoListsThreeStatements() {
    MemoryViewModel vm = new MemoryViewModel(UiExecutor.direct());
    vm.run();
    assertEquals(3, vm.steps().size());
    assertFalse(vm.steps().get(0).inPlace());
  }

  @Test
  void onlyTheNewestComputationIsDelivered() {
    List<Runnable> pending = new ArrayList<>();
    UiExecutor queued = new UiExecutor() {
      @Override
      public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        pending.add(() -> {
          try {
            onSuccess.accept(work.call());
          } catch (Exception e) {
            onFailure.accept(e);
          }
        });
      }
    };
    LatestResult runner = new LatestResult(queued);
    List<String> delivered = new ArrayList<>();
    runner.submit(() -> "old", delivered::add, e -> delivered.add("error"));
    runner.submit(() -> "new", delivered::add, e -> delivered.add("error"));
    pending.forEach(Runnable::run);
    assertEquals(List.of("new"), delivered);
  }
}
