/**
 * Internal support for metrics-core; not exported by the module and not part of the API.
 */
@NullMarked
package io.github.tokjoule.core.internal;

import org.jspecify.annotations.NullMarked;
