package org.tensorworkbench.ui.learn;

import java.util.Optional;
import org.tensorworkbench.ui.common.LessonTarget;

/**
 * How the Learn workspace reaches the other workspaces of the main window (the shell keeps their
 * views). A workspace id this version does not have gives an empty result, as does a workspace
 * whose view is not a {@link LessonTarget}.
 */
public interface LessonWorkspaces {

  /** Shows the workspace {@code id} (creating it the first time) and returns its view. */
  Optional<LessonTarget> show(String id);

  /** The workspace {@code id}'s view, created if needed but not shown (for checks). */
  Optional<LessonTarget> find(String id);
}
