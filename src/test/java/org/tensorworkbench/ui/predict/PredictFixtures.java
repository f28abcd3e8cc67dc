package org.tensorworkbench.ui.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.learning.config.Adam;
import org.tensorworkbench.engine.data.Batch;
import org.tensorworkbench.engine.data.Dataset;
import org.tensorworkbench.engine.data.DatasetOptions;
import org.tensorworkbench.engine.data.DatasetRegistry;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.io.ModelFile;
import org.tensorworkbench.engine.io.ModelMetadata;
import org.tensorworkbench.engine.io.NormalizationRecord;
import org.tensorworkbench.engine.spec.Templates;

/** A softmax regression trained briefly on Fashion-MNIST, saved as the trainer saves it, and a test image as a PNG. */
final class PredictFixtures {
  static final Dataset FASHION = new DatasetRegistry(Path.of("")).load(DatasetRegistry.FASHION_MNIST, DatasetOptions.defaults());

  private PredictFixtures() {}

  static Path trainedModel(Path dir) throws IOException {
    CompiledNetwork net = NetworkCompiler.compile(Templates.load("softmax-regression"));
    net.sameDiff().setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.01))
        .dataSetFeatureMapping(net.inputName()).dataSetLabelMapping(net.labelsName()).build());
    for (int b = 0; b < 20; b++) {
      Batch batch = FASHION.train().batch(b * 128, (b + 1) * 128);
      net.sameDiff().fit(batch.toDataSet());
    }
    Path file = dir.resolve("fashion.twmodel");
    ModelFile.save(file, net, new ModelMetadata(DatasetRegistry.FASHION_MNIST,
        NormalizationRecord.of(FASHION.normalization()), FASHION.classNames(), Map.of(), Map.of("testAccuracy", 0.7), 1, null), false);
    return file;
  }

  /** Test image {@code index} as a grey PNG, byte for byte the stored pixels. */
  static Path testImagePng(Path dir, int index) throws IOException {
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        image.getRaster().setSample(x, y, 0, (int) FASHION.test().rawFeature(index, y * 28 + x));
      }
    }
    Path file = dir.resolve("test" + index + ".png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
