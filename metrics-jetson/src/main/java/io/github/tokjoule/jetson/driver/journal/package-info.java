/**
 * The driver's crash-safe journal: one JSON object per line in {@code <run>/journal.jsonl}, appended and forced to
 * disk per event, so that a sweep interrupted at any point (Ctrl-C, power loss, a reboot for a power mode) can be
 * resumed, re-running only the cells that are missing or invalid.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver.journal;

import org.jspecify.annotations.NullMarked;
