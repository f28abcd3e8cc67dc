package org.tensorworkbench.workspace;

/**
 * The device the user wants the engine to compute on. ND4J fixes its backend when the JVM starts
 * and a build carries either the CPU or the CUDA backend, so this is a preference that the shell
 * compares with the backend really in use and explains when they differ.
 */
public enum PreferredDevice {
  CPU,
  GPU
}
