package org.tensorworkbench.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorworkbench.engine.spec.NodeSpec;
import org.tensorworkbench.ui.builder.model.Design;
import org.tensorworkbench.ui.builder.model.DesignFiles;
import org.tensorworkbench.ui.builder.model.LayerCatalog;
import org.tensorworkbench.ui.builder.model.LayerFields;
import org.tensorworkbench.ui.builder.model.Position;
import org.tensorworkbench.ui.common.DesignHandoff;
import org.tensorworkbench.ui.common.UiExecutor;

/**
 * Property: whatever the canvas holds, complete or not (unconnected layers, no output, shape
 * errors, odd field values, fractional positions), comes back identical through Save and Open,
 * through the autosave and a restart, and through copy and paste. Designs are made by random
 * user edits on the real view model, 200 seeds.
 */
class IncompleteDesignRoundTripTest {
  @TempDir
  Path temp;

  private static final String[] SIZES = {"1", "3", "5x3", "31", "0", "-2", "1000", "same", "abc", "2.5", "1, 28, 28", "4, 7"};

  /** A design drawn by {@code steps} random edits, some refused, as a student's first minutes are. */
  private static BuilderViewModel randomEdits(BuilderViewModel vm, Random random, int steps) {
    for (int i = 0; i < steps; i++) {
      List<String> ids = new ArrayList<>(vm.design().ids());
      ids.sort(null);
      int action = ids.isEmpty() ? 0 : random.nextInt(7);
      switch (action) {
        case 0, 1 -> {
          LayerCatalog.Entry entry = LayerCatalog.ENTRIES.get(random.nextInt(LayerCatalog.ENTRIES.size()));
          vm.addLayer(entry.prototype(), new Position(random.nextDouble() * 900 - 50, random.nextDouble() * 700 + 0.125));
        }
        case 2, 3 -> vm.connect(ids.get(random.nextInt(ids.size())), ids.get(random.nextInt(ids.size())));
        case 4 -> {
          String id = ids.get(random.nextInt(ids.size()));
          List<LayerFields.Field> fields = LayerFields.of(vm.design().node(id).orElseThrow().layer());
          if (!fields.isEmpty()) {
            LayerFields.Field field = fields.get(random.nextInt(fields.size()));
            String text = field.choices().isEmpty() ? SIZES[random.nextInt(SIZES.length)]
                : field.choices().get(random.nextInt(field.choices().size()));
            vm.editField(id, field.name(), text);
            vm.endFieldEdit();
          }
        }
        case 5 -> vm.move(Map.of(ids.get(random.nextInt(ids.size())), new Position(random.nextGaussian() * 300, random.nextGaussian() * 300)));
        default -> {
          NodeSpec node = vm.design().node(ids.get(random.nextInt(ids.size()))).orElseThrow();
          if (!node.inputs().isEmpty()) {
            vm.disconnect(node.inputs().get(0), node.id());
          }
        }
      }
    }
    return vm;
  }

  private BuilderViewModel viewModel(Path designs) {
    return new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), designs);
  }

  @Test
  void saveAndOpenGiveBackAnyDesign() throws IOException {
    int incomplete = 0;
    for (int seed = 0; seed < 200; seed++) {
      BuilderViewModel vm = randomEdits(viewModel(temp.resolve("d" + seed)), new Random(seed), 1 + seed % 25);
      Design drawn = vm.design();
      incomplete += vm.inferred().isComplete() ? 0 : 1;
      Path file = temp.resolve("design" + seed + ".json");
      assertTrue(vm.saveNow(file), "seed " + seed + ": " + vm.noticeProperty().get());
      assertEquals(drawn, DesignFiles.read(file), "seed " + seed);

      BuilderViewModel reopened = viewModel(temp.resolve("e" + seed));
      reopened.open(file);
      assertEquals(drawn, reopened.design(), "seed " + seed + ": " + reopened.noticeProperty().get());
      assertFalse(reopened.dirtyProperty().get());
    }
    assertTrue(incomplete > 150, "most random designs are incomplete: " + incomplete);
  }

  @Test
  void theAutosaveOfAnyDesignIsOfferedAndRestoredAfterARestart() throws IOException {
    for (int seed = 0; seed < 200; seed++) {
      Path designs = temp.resolve("ws" + seed);
      BuilderViewModel vm = randomEdits(viewModel(designs), new Random(seed), 1 + seed % 25);
      if (vm.design().nodes().isEmpty()) {
        continue;
      }
      Design drawn = vm.design();
      vm.autosaveNow();

      BuilderViewModel next = viewModel(designs);
      next.autosaveNow();
      next.autosaveInBackground();
      assertTrue(Files.exists(designs.resolve("autosave.json")), "seed " + seed + ": kept until the user answers");
      int s = seed;
      next.restore(next.recoverable().orElseThrow(() -> new AssertionError("seed " + s + " not offered")));
      assertEquals(drawn, next.design(), "seed " + seed);
      assertTrue(next.dirtyProperty().get());
    }
  }

  @Test
  void copyAndPasteOfEverythingGivesBackTheSameLayersConnectionsAndPlaces() {
    for (int seed = 0; seed < 200; seed++) {
      DesignClipboard clipboard = DesignClipboard.inMemory();
      BuilderViewModel vm = randomEdits(new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp.resolve("c" + seed),
          clipboard), new Random(seed), 1 + seed % 25);
      Design drawn = vm.design();
      if (drawn.nodes().isEmpty()) {
        continue;
      }
      vm.selectAll();
      assertTrue(vm.copySelection());
      BuilderViewModel target = new BuilderViewModel(UiExecutor.direct(), new DesignHandoff(), temp.resolve("p" + seed),
          clipboard);
      assertTrue(target.paste(), "seed " + seed + ": " + target.noticeProperty().get());
      Design pasted = target.design();
      assertEquals(drawn.nodes().size(), pasted.nodes().size(), "seed " + seed);
      // paste names nodes afresh by kind (an edited gelu1 comes back as tanh1): match them by order
      Map<String, String> renamed = new java.util.HashMap<>();
      for (int i = 0; i < drawn.nodes().size(); i++) {
        renamed.put(drawn.nodes().get(i).id(), pasted.nodes().get(i).id());
      }
      for (int i = 0; i < drawn.nodes().size(); i++) {
        NodeSpec before = drawn.nodes().get(i);
        NodeSpec after = pasted.nodes().get(i);
        assertEquals(before.layer(), after.layer(), "seed " + seed);
        assertEquals(before.inputs().stream().map(renamed::get).toList(), after.inputs(), "seed " + seed);
        assertEquals(drawn.position(before.id()).x() + 30, pasted.position(after.id()).x(), 1e-9, "seed " + seed);
        assertEquals(drawn.position(before.id()).y() + 30, pasted.position(after.id()).y(), 1e-9, "seed " + seed);
      }
      assertEquals(Set.copyOf(renamed.values()), Set.copyOf(target.selection()));
    }
  }
}
