package org.tensorworkbench.learn;

/**
 * A step's words in one language; Markdown with math, null where the step has none.
 *
 * @param title the step's title
 * @param text what to do or read
 * @param hint shown on request when the check fails
 * @param question a question
 * @param answer its answer, revealed on request
 */
public record StepText(String title, String text, String hint, String question, String answer) {}
