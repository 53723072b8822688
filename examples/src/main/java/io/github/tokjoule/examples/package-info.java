/**
 * The {@code tokjoule} command line: the reference runner built on the public API of the library modules.
 */
@NullMarked
package io.github.tokjoule.examples;

import org.jspecify.annotations.NullMarked;
