/**
 * Capacity primitives (DESIGN §3.6, seeds 003 and 004): the {@link io.github.tokjoule.core.capacity.Roofline} of a
 * device (memory-bound decode ceiling, efficiency, operational intensity, {@link
 * io.github.tokjoule.core.capacity.Bottleneck}), the size of a {@link io.github.tokjoule.core.capacity.KvCacheShape
 * KV cache}, and a {@link io.github.tokjoule.core.capacity.MemoryBudget} fit check for a model on a board.
 *
 * <p>Units are SI and in every name: bytes (1 GB = 10<sup>9</sup> bytes, as the seeds use it), bytes per second,
 * floating-point operations (FLOPs) per second, tokens per second. Invalid arguments (negative, zero where a divisor,
 * NaN, infinite) throw {@link java.lang.IllegalArgumentException} naming the argument.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.core.capacity;

import org.jspecify.annotations.NullMarked;
