/**
 * Internal support for metrics-tegrastats; not exported by the module and not part of the API.
 */
@NullMarked
package io.github.tokjoule.tegrastats.internal;

import org.jspecify.annotations.NullMarked;
