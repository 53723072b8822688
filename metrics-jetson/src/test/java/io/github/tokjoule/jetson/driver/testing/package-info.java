/** Test support: a scripted process runner. */
package io.github.tokjoule.jetson.driver.testing;
