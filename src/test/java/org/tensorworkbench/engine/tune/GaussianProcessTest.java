package org.tensorworkbench.engine.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The GP posterior and expected improvement against values computed by hand. */
class GaussianProcessTest {

  @Test
  void twoPointPosteriorMatchesTheHandComputedInverse() {
    // x = {0, 1}, y = {1, 2}, RBF with l = 1, sf2 = 1, noise 0.1
    double c = Math.exp(-0.5);
    double a = 1.1;
    double det = a * a - c * c;
    // K^-1 = [[a, -c], [-c, a]] / det; alpha = K^-1 y
    double alpha0 = (a * 1 - c * 2) / det;
    double alpha1 = (-c * 1 + a * 2) / det;
    // x* = 0.25: k* = {exp(-0.03125), exp(-0.28125)}
    double k0 = Math.exp(-0.25 * 0.25 / 2);
    double k1 = Math.exp(-0.75 * 0.75 / 2);
    double mean = k0 * alpha0 + k1 * alpha1;
    double variance = 1 - (k0 * (a * k0 - c * k1) + k1 * (-c * k0 + a * k1)) / det;
    double logLik = -0.5 * (1 * alpha0 + 2 * alpha1) - 0.5 * Math.log(det) - Math.log(2 * Math.PI);

    GaussianProcess gp = new GaussianProcess(new double[][] {{0}, {1}}, new double[] {1, 2},
        new Kernel(Kernel.Type.RBF, 1, 1), 0.1);
    GaussianProcess.Prediction p = gp.predict(new double[] {0.25});
    assertEquals(mean, p.mean(), 1e-12);
    assertEquals(variance, p.variance(), 1e-12);
    assertEquals(logLik, gp.logMarginalLikelihood(), 1e-12);
    // far away the prior returns: mean 0, variance sf2
    GaussianProcess.Prediction far = gp.predict(new double[] {40});
    assertEquals(0, far.mean(), 1e-12);
    assertEquals(1, far.variance(), 1e-12);
  }

  @Test
  void maternKernelAtKnownDistances() {
    Kernel k = new Kernel(Kernel.Type.MATERN52, 0.5, 2);
    double s = Math.sqrt(5) * 0.3 / 0.5;
    assertEquals(2 * (1 + s + s * s / 3) * Math.exp(-s), k.at(new double[] {0.1}, new double[] {0.4}), 1e-14);
    assertEquals(2, k.at(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}), 0);
  }

  @Test
  void expectedImprovementMatchesItsClosedForm() {
    // mu = 0.8, sigma = 0.1, best = 0.75, xi = 0: z = 0.5, Phi(0.5) = 0.691462461274013,
    // phi(0.5) = 0.3520653267642995; EI = 0.05·Phi + 0.1·phi
    double expected = 0.05 * 0.691462461274013 + 0.1 * 0.3520653267642995;
    assertEquals(expected, ExpectedImprovement.of(0.8, 0.1, 0.75, 0), 1e-8);
    assertEquals(0.975002104851780, ExpectedImprovement.cdf(1.96), 1e-7);
    assertEquals(0.5, ExpectedImprovement.cdf(0), 1e-7, "erfc is accurate to 1.2e-7");
    assertEquals(0.0, ExpectedImprovement.of(0.5, 0, 0.75, 0), 0, "no uncertainty, no improvement");
    assertEquals(0.25, ExpectedImprovement.of(1.0, 0, 0.75, 0), 1e-15);
    // far below the best: tiny but positive
    double low = ExpectedImprovement.of(0, 0.1, 0.75, 0);
    assertEquals(true, low > 0 && low < 1e-12);
  }

  @Test
  void choleskyRefusesAMatrixThatIsNotPositiveDefinite() {
    assertThrows(IllegalArgumentException.class, () -> GaussianProcess.cholesky(new double[][] {{1, 2}, {2, 1}}));
  }
}
