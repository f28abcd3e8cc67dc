package org.tensorworkbench.engine.direct;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_equal;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_init_by_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_set_data_handle;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A thin, checked layer over oneDNN's C API (oneDNN 2.5 as JavaCPP packages it, {@code
 * org.bytedeco.dnnl}, a library of its own beside the oneDNN built into libnd4j; both use the same
 * OpenMP runtime, so a thread limited to one OpenMP thread runs both on one core): one CPU engine for the process, and per user
 * a stream and the primitives and memory objects it creates, all destroyed by {@link #close}.
 * Primitives are made once per shape and then only executed, where libnd4j's ops create their
 * primitive descriptors again at every call.
 *
 * <p>Every call's status is checked; a failure is an {@link IllegalStateException} naming the call.
 * The library may be missing (Apple silicon has no oneDNN build): {@link #available} says so.
 */
final class Dnnl implements AutoCloseable {
  /** The system property that, set to false, keeps the direct path on libnd4j's ops. */
  static final String SWITCH = "tensorworkbench.onednn";
  private static final Object LOCK = new Object();
  private static Boolean available;
  private static dnnl_engine engine;

  /** The most arguments a primitive here takes (convolution forward: source, weights, bias, destination). */
  private static final int MAX_ARGUMENTS = 4;
  private final dnnl_stream stream = new dnnl_stream();
  /** Reused by every execution: one user, one thread at a time. */
  private final dnnl_exec_arg_t arguments = new dnnl_exec_arg_t(MAX_ARGUMENTS);
  private final List<dnnl_primitive> primitives = new ArrayList<>();
  private final List<dnnl_primitive_desc> descriptors = new ArrayList<>();
  private final List<dnnl_memory> memories = new ArrayList<>();

  /** A stream on the process's CPU engine. */
  Dnnl() {
    check(dnnl_stream_create(stream, engine(), dnnl_stream_default_flags), "dnnl_stream_create");
  }

  /**
   * Whether oneDNN can be loaded and runs FLOAT on this CPU, for ND4J's CPU backend (on the GPU
   * backend arrays live on the device): the first call loads it; a missing or unloadable library
   * gives false, and the callers keep libnd4j's ops. The system property
   * {@value #SWITCH}{@code =false} turns it off (README, "Training speed and bench").
   */
  static boolean available() {
    if ("false".equalsIgnoreCase(System.getProperty(SWITCH))) {
      return false;
    }
    synchronized (LOCK) {
      if (available == null) {
        if (!"CpuBackend".equals(Nd4j.getBackend().getClass().getSimpleName())) {
          available = false;
          return false;
        }
        try {
          engine();
          available = true;
        } catch (LinkageError | IllegalStateException e) {
          available = false;
        }
      }
      return available;
    }
  }

  private static dnnl_engine engine() {
    synchronized (LOCK) {
      if (engine == null) {
        dnnl_engine created = new dnnl_engine();
        check(dnnl_engine_create(created, dnnl_cpu, 0), "dnnl_engine_create");
        engine = created; // one for the process, as libnd4j keeps one: it lives as long as the library
      }
      return engine;
    }
  }

  /** A FLOAT memory descriptor of {@code dims} in the layout {@code tag} (e.g. dnnl_nhwc, dnnl_format_tag_any). */
  static dnnl_memory_desc_t descriptor(int tag, long... dims) {
    dnnl_memory_desc_t md = new dnnl_memory_desc_t();
    check(dnnl_memory_desc_init_by_tag(md, dims.length, dims, dnnl_f32, tag), "dnnl_memory_desc_init_by_tag");
    return md;
  }

  static boolean same(dnnl_memory_desc_t a, dnnl_memory_desc_t b) {
    return dnnl_memory_desc_equal(a, b) != 0;
  }

  /**
   * The primitive descriptor oneDNN picks for the operation described by {@code operation} (a
   * convolution or pooling descriptor) on this engine, owned by this object from now on.
   *
   * @param hint the forward pass's descriptor for a backward pass, else null
   */
  dnnl_primitive_desc describe(Pointer operation, dnnl_primitive_desc hint, String what) {
    dnnl_primitive_desc pd = new dnnl_primitive_desc();
    check(dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(operation), null, engine(), hint), "dnnl_primitive_desc_create (" + what + ")");
    descriptors.add(pd);
    return pd;
  }

  /** A primitive for {@code descriptor}, owned by this object from now on. */
  dnnl_primitive primitive(dnnl_primitive_desc descriptor) {
    dnnl_primitive p = new dnnl_primitive();
    check(dnnl_primitive_create(p, descriptor), "dnnl_primitive_create");
    primitives.add(p);
    return p;
  }

  /** A reorder from one layout to another, or null when they are the same. */
  dnnl_primitive reorder(dnnl_memory_desc_t from, dnnl_memory_desc_t to) {
    if (same(from, to)) {
      return null;
    }
    dnnl_primitive_desc pd = new dnnl_primitive_desc();
    check(dnnl_reorder_primitive_desc_create(pd, from, engine(), to, engine(), null), "dnnl_reorder_primitive_desc_create");
    descriptors.add(pd);
    return primitive(pd);
  }

  /** A memory object of layout {@code md} with no data yet: {@link #bind} or {@link #allocate} gives it some. */
  dnnl_memory memory(dnnl_memory_desc_t md) {
    dnnl_memory m = new dnnl_memory();
    check(dnnl_memory_create(m, md, engine(), null), "dnnl_memory_create");
    memories.add(m);
    return m;
  }

  /** Points {@code memory} at the data of {@code a}, a contiguous c-order FLOAT array laid out as the memory says. */
  static dnnl_memory bind(dnnl_memory memory, INDArray a) {
    if (a.dataType() != DataType.FLOAT || !dense(a)) {
      throw new IllegalArgumentException("oneDNN memory needs a contiguous FLOAT array, got " + a.dataType() + " " + a.shapeInfoToString());
    }
    Pointer data = a.data().addressPointer();
    if (a.offset() != 0) {
      data = new FloatPointer(data).position(a.offset());
    }
    check(dnnl_memory_set_data_handle(memory, data), "dnnl_memory_set_data_handle");
    return memory;
  }

  /** Whether {@code a}'s elements lie in c order one after another (axes of length 1 may have any stride). */
  static boolean dense(INDArray a) {
    long expected = 1;
    for (int d = a.rank() - 1; d >= 0; d--) {
      if (a.size(d) != 1 && a.stride(d) != expected) {
        return false;
      }
      expected *= a.size(d);
    }
    return true;
  }

  /** Executes {@code primitive} on this stream with (argument kind, memory) pairs; CPU streams finish before returning. */
  void execute(dnnl_primitive primitive, Object... kindsAndMemories) {
    int count = kindsAndMemories.length / 2;
    for (int i = 0; i < count; i++) {
      arguments.position(i).arg((Integer) kindsAndMemories[2 * i]).memory((dnnl_memory) kindsAndMemories[2 * i + 1]);
    }
    check(dnnl_primitive_execute(primitive, stream, count, arguments.position(0)), "dnnl_primitive_execute");
  }

  /** Runs a reorder made by {@link #reorder}; nothing when it is null (same layouts, same memory). */
  void reorder(dnnl_primitive reorder, dnnl_memory from, dnnl_memory to) {
    if (reorder != null) {
      execute(reorder, DNNL_ARG_FROM, from, DNNL_ARG_TO, to);
    }
  }

  static void check(int status, String call) {
    if (status != dnnl_success) {
      throw new IllegalStateException(call + " failed with oneDNN status " + status);
    }
  }

  /** Destroys every primitive, descriptor and memory object made here, and the stream. */
  @Override
  public void close() {
    primitives.forEach(p -> dnnl_primitive_destroy(p));
    descriptors.forEach(d -> dnnl_primitive_desc_destroy(d));
    memories.forEach(m -> dnnl_memory_destroy(m));
    primitives.clear();
    descriptors.clear();
    memories.clear();
    dnnl_stream_destroy(stream);
    arguments.close();
  }
}
