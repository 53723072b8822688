package io.github.tokjoule.examples.report;

/**
 * The best value of a metric for one model over every mode, prompt and generation length, with the cell that holds it
 * (seed Table 13).
 *
 * @param model the model name
 * @param mode the mode of the best cell
 * @param ctx the prompt length of the best cell
 * @param gen the generation length of the best cell
 * @param value the best value
 */
public record BestCell(String model, String mode, int ctx, int gen, double value) {}
