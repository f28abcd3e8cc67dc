package org.tensorworkbench.learn;

import java.util.Optional;

/**
 * What a lesson's step does, the same in every language.
 *
 * @param id unique within the lesson, {@code [a-z0-9-]+}
 * @param open the workspace it opens, if any
 * @param check the task it checks, if any
 * @param question whether it asks a question with an answer revealed on request
 */
public record Step(String id, Optional<Open> open, Optional<Check> check, boolean question) {}
