package org.tensorworkbench.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

/**
 * An ONNX graph under construction: nodes appended in the order they compute, weights as
 * initializers, and a check that every node and tensor name is used once (ONNX requires both).
 */
final class OnnxGraph {
  /** The name of the symbolic batch dimension in declared shapes. */
  static final String BATCH = "N";

  private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
  private final Set<String> nodeNames = new HashSet<>();
  private final Set<String> tensorNames = new HashSet<>();

  OnnxGraph(String name) {
    graph.setName(name);
  }

  /** Adds a node reading {@code inputs} and writing the single tensor {@code output}; returns the output. */
  String node(String name, String opType, List<String> inputs, String output, Onnx.AttributeProto... attributes) {
    if (!nodeNames.add(name)) {
      throw new IllegalStateException("node name used twice: " + name);
    }
    claim(output);
    Onnx.NodeProto.Builder node = Onnx.NodeProto.newBuilder().setName(name).setOpType(opType).addOutput(output);
    inputs.forEach(node::addInput);
    for (Onnx.AttributeProto a : attributes) {
      node.addAttribute(a);
    }
    graph.addNode(node);
    return output;
  }

  /** Adds a float32 initializer in row-major order (little-endian raw data); returns its name. */
  String initializer(String name, long[] shape, float[] values) {
    claim(name);
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    Onnx.TensorProto.Builder tensor = Onnx.TensorProto.newBuilder()
        .setName(name)
        .setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber())
        .setRawData(ByteString.copyFrom(bytes.array()));
    for (long d : shape) {
      tensor.addDims(d);
    }
    graph.addInitializer(tensor);
    return name;
  }

  /** A scalar float32 initializer. */
  String scalar(String name, float value) {
    return initializer(name, new long[0], new float[] {value});
  }

  void input(String name, int[] exampleShape) {
    claim(name);
    graph.addInput(valueInfo(name, exampleShape));
  }

  void output(String name, int[] exampleShape) {
    graph.addOutput(valueInfo(name, exampleShape));
  }

  /** Declares the shape of an inner tensor, so viewers such as Netron show it on the edge. */
  void shape(String name, int[] exampleShape) {
    graph.addValueInfo(valueInfo(name, exampleShape));
  }

  Onnx.GraphProto build() {
    return graph.build();
  }

  static Onnx.AttributeProto ints(String name, long... values) {
    Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static Onnx.AttributeProto text(String name, String value) {
    return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
        .setS(org.nd4j.shade.protobuf.ByteString.copyFromUtf8(value)).build();
  }

  static Onnx.AttributeProto integer(String name, long value) {
    return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT).setI(value).build();
  }

  static Onnx.AttributeProto real(String name, double value) {
    return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.FLOAT)
        .setF((float) value).build();
  }

  private void claim(String tensor) {
    if (!tensorNames.add(tensor)) {
      throw new IllegalStateException("tensor name used twice: " + tensor);
    }
  }

  // float32 [N, ...exampleShape]
  private static Onnx.ValueInfoProto valueInfo(String name, int[] exampleShape) {
    Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder()
        .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
    for (int d : exampleShape) {
      shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    Onnx.TypeProto type = Onnx.TypeProto.newBuilder()
        .setTensorType(Onnx.TypeProto.Tensor.newBuilder()
            .setElemType(Onnx.TensorProto.DataType.FLOAT.getNumber())
            .setShape(shape))
        .build();
    return Onnx.ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }
}
