package org.tensorworkbench.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx;

/** Reads the values of ONNX initializers and Constant tensors: float32 or int64, raw_data or typed fields. */
final class OnnxTensors {
  private OnnxTensors() {}

  static long[] shape(Onnx.TensorProto t) {
    return t.getDimsList().stream().mapToLong(Long::longValue).toArray();
  }

  static boolean isFloat(Onnx.TensorProto t) {
    return t.getDataType() == Onnx.TensorProto.DataType.FLOAT.getNumber();
  }

  /** Float values; null for another element type. */
  static float[] floats(Onnx.TensorProto t) {
    if (!isFloat(t)) {
      return null;
    }
    if (!t.getRawData().isEmpty()) {
      float[] values = new float[t.getRawData().size() / Float.BYTES];
      t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return values;
    }
    float[] values = new float[t.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = t.getFloatData(i);
    }
    return values;
  }

  /** Integer values (int64 or int32); null for another element type. */
  static long[] longs(Onnx.TensorProto t) {
    int type = t.getDataType();
    if (type == Onnx.TensorProto.DataType.INT64.getNumber()) {
      if (!t.getRawData().isEmpty()) {
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[raw.remaining() / Long.BYTES];
        raw.asLongBuffer().get(values);
        return values;
      }
      return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
    }
    if (type == Onnx.TensorProto.DataType.INT32.getNumber()) {
      if (!t.getRawData().isEmpty()) {
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long[] values = new long[raw.remaining() / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
          values[i] = raw.getInt();
        }
        return values;
      }
      return t.getInt32DataList().stream().mapToLong(Integer::longValue).toArray();
    }
    return null;
  }
}
