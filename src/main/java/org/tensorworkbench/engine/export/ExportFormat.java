package org.tensorworkbench.engine.export;

/**
 * The formats a trained model leaves the workbench in.
 *
 * <ul>
 *   <li>{@link #ONNX}: one {@code .onnx} file (opset {@value OnnxExporter#OPSET}) for ONNX Runtime,
 *       Netron and every framework that imports ONNX.
 *   <li>{@link #PYTORCH}: a self-contained {@code .py} defining the network as a PyTorch
 *       {@code nn.Module} in d2l's style, and the trained weights in a {@code .npz} beside it.
 * </ul>
 */
public enum ExportFormat {
  ONNX(".onnx"),
  PYTORCH(".py");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The extension of the main file written, with its dot. */
  public String extension() {
    return extension;
  }
}
