package org.tensorworkbench.engine.tune;

/**
 * A trial a search method asks for: train {@code config} for {@code epochs} from scratch.
 *
 * @param index the trial's number in the study, from 0
 * @param config the hyperparameters
 * @param epochs its budget: passes over the training set
 * @param bracket the successive-halving bracket (Hyperband), 0 for other methods
 * @param rung the rung within the bracket (0 = first, cheapest), 0 for other methods
 * @param parent the trial of the rung below that was promoted into this one, or -1
 */
public record TrialRequest(int index, Configuration config, int epochs, int bracket, int rung, int parent) {
  public TrialRequest {
    if (index < 0 || epochs < 1) {
      throw new IllegalArgumentException("index " + index + ", epochs " + epochs);
    }
  }
}
