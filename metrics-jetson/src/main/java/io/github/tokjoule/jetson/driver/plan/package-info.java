/**
 * The sweep plan of the Jetson driver: which power modes, models, prompt and generation lengths to run, and how
 * (backend, requests per cell, warm-up, output-length control, cooldowns, timeouts, zone), read from JSON and
 * validated with errors that name the JSON path and the offending value.
 *
 * <p>Defaults are the seed driver's (docs/reference/seed-methodology.md §1.1) except where the seed had a bug: one warm-up request,
 * output-length control on, the server bound to the loopback interface.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.tokjoule.jetson.driver.plan;

import org.jspecify.annotations.NullMarked;
