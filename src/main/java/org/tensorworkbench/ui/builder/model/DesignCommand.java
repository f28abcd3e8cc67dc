package org.tensorworkbench.ui.builder.model;

import org.tensorworkbench.i18n.Messages;

/**
 * One undoable edit of a {@link Design}. A command is a pure function from the design before to
 * the design after; {@link CommandStack} keeps both values, so undo and redo restore them exactly
 * (the role of Scene Builder's Job with its execute/undo/redo, without hand-written inverses
 * that could drift from the forward edit).
 */
public interface DesignCommand {

  /**
   * The design after this edit.
   *
   * @throws EditRejectedException if the edit does not make sense on {@code before}
   */
  Design apply(Design before);

  /** The {@code builder.command.*} key naming the edit for the Undo/Redo menu items. */
  String descriptionKey();

  /** Arguments of {@link #descriptionKey()}, e.g. the node id. */
  default Object[] descriptionArgs() {
    return new Object[0];
  }

  /** The edit's name in the active language, e.g. "Add conv1". */
  default String description() {
    return Messages.get(descriptionKey(), descriptionArgs());
  }

  /**
   * Whether this edit continues {@code previous} and should be undone together with it, as the
   * keystrokes typed into one inspector field are.
   */
  default boolean continues(DesignCommand previous) {
    return false;
  }
}
