/**
 * Internal support for metrics-aiperf; not exported by the module and not part of the API.
 */
@NullMarked
package io.github.tokjoule.aiperf.internal;

import org.jspecify.annotations.NullMarked;
