/**
 * The one process runner every driver component starts its processes through: a command is an argument list (never
 * a shell string), its environment (including {@code PATH}) can be overridden, output goes to a file, waits have
 * time limits, and stopping a process ends only the process tree this runner started.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver.process;

import org.jspecify.annotations.NullMarked;
