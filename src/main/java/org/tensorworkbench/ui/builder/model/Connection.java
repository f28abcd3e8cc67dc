package org.tensorworkbench.ui.builder.model;

/** One connection of a design: the output of node {@code from} feeds an input of node {@code to}. */
public record Connection(String from, String to) {
  public Connection {
    if (from == null || to == null) {
      throw new IllegalArgumentException("a connection joins two node ids");
    }
  }
}
