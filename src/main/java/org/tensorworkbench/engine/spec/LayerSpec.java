package org.tensorworkbench.engine.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one node of a network computes, without its connections. Values are immutable; the
 * network graph ({@link NetworkSpec}) says which nodes feed which. In JSON every layer is an
 * object whose {@code "type"} names the kind, e.g. {@code {"type": "dense", "units": 256, ...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = InputSpec.class, name = "input"),
  @JsonSubTypes.Type(value = DenseSpec.class, name = "dense"),
  @JsonSubTypes.Type(value = Conv2dSpec.class, name = "conv2d"),
  @JsonSubTypes.Type(value = MaxPool2dSpec.class, name = "maxpool2d"),
  @JsonSubTypes.Type(value = AvgPool2dSpec.class, name = "avgpool2d"),
  @JsonSubTypes.Type(value = GlobalAvgPool2dSpec.class, name = "globalavgpool2d"),
  @JsonSubTypes.Type(value = FlattenSpec.class, name = "flatten"),
  @JsonSubTypes.Type(value = ActivationSpec.class, name = "activation"),
  @JsonSubTypes.Type(value = DropoutSpec.class, name = "dropout"),
  @JsonSubTypes.Type(value = BatchNormSpec.class, name = "batchnorm"),
  @JsonSubTypes.Type(value = LayerNormSpec.class, name = "layernorm"),
  @JsonSubTypes.Type(value = AddSpec.class, name = "add"),
  @JsonSubTypes.Type(value = ConcatSpec.class, name = "concat"),
  @JsonSubTypes.Type(value = OutputSpec.class, name = "output")
})
public sealed interface LayerSpec
    permits InputSpec, DenseSpec, Conv2dSpec, MaxPool2dSpec, AvgPool2dSpec, GlobalAvgPool2dSpec,
        FlattenSpec, ActivationSpec, DropoutSpec, BatchNormSpec, LayerNormSpec, AddSpec, ConcatSpec,
        OutputSpec {

  /** How many inputs the layer takes: 0 for Input, 1 for most, {@link #ANY} for Add and Concat. */
  int ANY = -1;

  default int arity() {
    return 1;
  }
}
