package io.github.tokjoule.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;

/**
 * Checks the conventions every published module keeps (DESIGN §2): a {@code module-info.class} and a
 * {@code @NullMarked} {@code package-info} in every package that holds classes. Shared with the other modules
 * through metrics-core's test jar.
 */
public final class PackageConventions {

    private PackageConventions() {}

    /**
     * Asserts the conventions on the compiled classes of the module that holds {@code anchor}.
     *
     * @param anchor any main class of the module under test
     * @return the packages checked, for further assertions
     */
    public static List<String> assertModuleConventions(Class<?> anchor) {
        Path classes = classesRoot(anchor);
        assertThat(classes.resolve("module-info.class"))
                .as("module-info.class in %s", classes)
                .exists();
        List<String> packages = packagesWithClasses(classes);
        assertThat(packages).as("packages of %s", classes).isNotEmpty();
        for (String pkg : packages) {
            Class<?> info = load(pkg + ".package-info", anchor.getClassLoader());
            assertThat(info.isAnnotationPresent(NullMarked.class))
                    .as("package %s is @NullMarked", pkg)
                    .isTrue();
        }
        return packages;
    }

    private static Path classesRoot(Class<?> anchor) {
        try {
            return Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> packagesWithClasses(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.equals(root))
                    .map(dir -> root.relativize(dir)
                            .toString()
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .distinct()
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no " + name + " (every package needs a @NullMarked package-info.java)", e);
        }
    }
}
