/** Test support shared with the other modules through metrics-core's test jar. */
package io.github.tokjoule.core.testing;
