package io.github.tokjoule.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of metrics-core: generated {@code Immutable*} classes are package-private and use the JDK
 * only, so the public API shows our abstract value types and their static factories, never generated code.
 *
 * <p>Apply it to a package ({@code package-info.java}) or a type that declares {@code @Value.Immutable} values.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        // build() and the builder setters return the public abstract type, never the package-private Immutable*.
        overshadowImplementation = true,
        jdkOnly = true,
        allParameters = false,
        defaults = @Value.Immutable(copy = false))
public @interface ValueStyle {}
