/**
 * Internal support for metrics-jetson; not exported by the module and not part of the API.
 */
@NullMarked
package io.github.tokjoule.jetson.internal;

import org.jspecify.annotations.NullMarked;
