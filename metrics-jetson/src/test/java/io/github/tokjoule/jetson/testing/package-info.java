/** Test helpers of metrics-jetson. */
@NullMarked
package io.github.tokjoule.jetson.testing;

import org.jspecify.annotations.NullMarked;
