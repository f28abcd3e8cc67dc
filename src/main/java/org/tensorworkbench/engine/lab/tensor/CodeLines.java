package org.tensorworkbench.engine.lab.tensor;

/**
 * One operation written twice: as a learner would type it in PyTorch (d2l's notation) and as the
 * lab runs it with ND4J in Java, so the two APIs can be read side by side.
 *
 * @param pytorch the PyTorch statement, e.g. {@code Z = X + Y}
 * @param nd4j the ND4J Java statement that computed the shown numbers
 */
public record CodeLines(String pytorch, String nd4j) {}
