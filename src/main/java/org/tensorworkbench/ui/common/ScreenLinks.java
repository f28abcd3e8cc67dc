package org.tensorworkbench.ui.common;

/**
 * What the screens of one app window share: the design hand-offs between them and the
 * presenting flag. It belongs to its {@link AppContext}, so it lives exactly as long as the
 * screens wired with that context (a static map keyed by the context kept every closed window
 * alive, since the screens that subscribe refer back to the context).
 */
public final class ScreenLinks {
  private final DesignHandoff toTraining = new DesignHandoff();
  private final DesignHandoff toBuilder = new DesignHandoff();
  private final Presenting presenting = new Presenting();

  /** The Network Builder (or the Tuning Lab) hands designs to the Training screen. */
  DesignHandoff toTraining() {
    return toTraining;
  }

  /** A lab hands a design to the Network Builder. */
  DesignHandoff toBuilder() {
    return toBuilder;
  }

  Presenting presenting() {
    return presenting;
  }
}
