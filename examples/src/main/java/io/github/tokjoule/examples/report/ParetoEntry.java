package io.github.tokjoule.examples.report;

/**
 * One point of a model's throughput–efficiency trade-off: a mode at one cell, and whether no other mode beats it on
 * both axes.
 *
 * @param model the model name
 * @param mode the mode label
 * @param tokensPerSecond output tokens per second
 * @param tokensPerJoule output tokens per joule
 * @param onFront whether the point is on the model's Pareto front
 */
public record ParetoEntry(String model, String mode, double tokensPerSecond, double tokensPerJoule, boolean onFront) {}
