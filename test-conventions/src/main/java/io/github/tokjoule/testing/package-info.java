/** The conventions test shared by every published module's tests. */
@NullMarked
package io.github.tokjoule.testing;

import org.jspecify.annotations.NullMarked;
