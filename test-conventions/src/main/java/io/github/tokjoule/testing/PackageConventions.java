package io.github.tokjoule.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;

/**
 * Checks the conventions every published module keeps (docs/ARCHITECTURE.md, "API conventions"): a
 * {@code module-info.class}, a {@code @NullMarked} {@code package-info} in every package that holds classes, and an
 * {@code @since} tag in the javadoc of every public top-level type of an exported package, and one absence convention
 * (§5): no public method of an exported package returns {@link OptionalDouble} (an absent number is a documented NaN).
 */
public final class PackageConventions {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|static) )*(?:class|interface|enum|record|@interface) ",
            Pattern.MULTILINE);

    private PackageConventions() {}

    /**
     * Asserts the conventions on the compiled classes of the module that holds {@code anchor}, and on its sources
     * ({@code src/main/java} beside {@code target/classes}).
     *
     * @param anchor any main class of the module under test
     * @return the packages checked, for further assertions
     */
    public static List<String> assertModuleConventions(Class<?> anchor) {
        Path classes = classesRoot(anchor);
        Path moduleInfo = classes.resolve("module-info.class");
        assertThat(moduleInfo).as("module-info.class in %s", classes).exists();
        List<String> packages = packagesWithClasses(classes);
        assertThat(packages).as("packages of %s", classes).isNotEmpty();
        for (String pkg : packages) {
            Class<?> info = load(pkg + ".package-info", anchor.getClassLoader());
            assertThat(info.isAnnotationPresent(NullMarked.class))
                    .as("package %s is @NullMarked", pkg)
                    .isTrue();
        }
        Path sources = classes.resolve("../../src/main/java").normalize();
        assertThat(typesWithoutSince(sources, exports(moduleInfo)))
                .as("public types of exported packages whose javadoc has no @since (add `@since 0.2.0`)")
                .isEmpty();
        assertThat(optionalDoubleMethods(classes, exports(moduleInfo), anchor.getClassLoader()))
                .as("public methods of exported packages that return OptionalDouble (an absent number is a documented"
                        + " NaN: docs/ARCHITECTURE.md §5)")
                .isEmpty();
        return packages;
    }

    private static Set<String> exports(Path moduleInfo) {
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            return ModuleDescriptor.read(in).exports().stream()
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> typesWithoutSince(Path sources, Set<String> exported) {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList())) {
                String pkg = sources.relativize(file.getParent())
                        .toString()
                        .replace(sources.getFileSystem().getSeparator(), ".");
                if (!exported.contains(pkg)) {
                    continue;
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = PUBLIC_TYPE.matcher(text);
                if (m.find() && !text.substring(0, m.start()).contains("@since")) {
                    missing.add(sources.relativize(file).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }

    private static List<String> optionalDoubleMethods(Path classes, Set<String> exported, ClassLoader loader) {
        List<String> found = new ArrayList<>();
        for (String pkg : exported) {
            Path dir = classes.resolve(pkg.replace(".", classes.getFileSystem().getSeparator()));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file :
                        files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                    String simple = file.getFileName().toString().replace(".class", "");
                    Class<?> type = load(pkg + "." + simple, loader);
                    if (!Modifier.isPublic(type.getModifiers())) {
                        continue;
                    }
                    for (Method m : type.getDeclaredMethods()) {
                        if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == OptionalDouble.class) {
                            found.add(type.getName() + "." + m.getName());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
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
