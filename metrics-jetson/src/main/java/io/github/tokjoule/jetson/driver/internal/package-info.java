/**
 * Internal support for the sweep driver (a small JSON tree over jackson-core's streaming API); not exported by the
 * module and not part of the API.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver.internal;

import org.jspecify.annotations.NullMarked;
