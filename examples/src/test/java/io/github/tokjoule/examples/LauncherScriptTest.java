package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code examples/tokjoule} launcher, run by {@code sh} in a copy of the checkout's layout whose {@code mvnw} and
 * {@code java} are stand-ins: a real Maven build here would build the module running this test. The stand-in mvnw
 * prints Maven's per-module lines and writes the jar as the real build does; the real build on a clean clone is run
 * by {@code .ci/run}.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("tokjoule").toAbsolutePath();

    @TempDir
    Path root;

    private Path jar;
    private Path calls;

    @BeforeEach
    void layOutACheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "the launcher is a POSIX sh script");
        root = root.toAbsolutePath();
        assertThat(SCRIPT).isRegularFile();
        Files.createDirectories(root.resolve("examples"));
        Files.copy(SCRIPT, root.resolve("examples/tokjoule"));
        for (String module : List.of("metrics-core", "metrics-tegrastats", "metrics-aiperf", "metrics-jetson")) {
            write(root.resolve(module + "/pom.xml"), "<project/>\n");
            write(root.resolve(module + "/src/main/java/A.java"), "class A {}\n");
            write(root.resolve(module + "/src/test/java/ATest.java"), "class ATest {}\n");
        }
        write(root.resolve("pom.xml"), "<project/>\n");
        write(root.resolve("examples/pom.xml"), "<project/>\n");
        calls = root.resolve("mvnw.calls");
        jar = root.resolve("examples/target/tokjoule.jar");
        executable(root.resolve("mvnw"), """
                #!/bin/sh
                echo "$PWD $*" >> mvnw.calls
                echo '[INFO] Building tokjoule 0.1.0-SNAPSHOT                                   [1/2]'
                echo '[INFO] Building jar: /somewhere/metrics-core-0.1.0-SNAPSHOT.jar'
                echo '[INFO] Building tokjoule examples 0.1.0-SNAPSHOT                          [2/2]'
                if [ -f fail ]; then echo '[ERROR] COMPILATION ERROR : Broken.java:[3,1]'; exit 1; fi
                mkdir -p examples/target && echo jar > examples/target/tokjoule.jar
                """);
        executable(root.resolve("java"), "#!/bin/sh\necho \"java $*\"\nexit ${FAKE_JAVA_EXIT:-0}\n");
    }

    @Test
    void theFirstRunBuildsTheJarInTheReactorWithoutInstallingThenRunsIt() throws Exception {
        Run run = launch(Map.of(), "demo", "--out", "report");

        assertThat(run.exitCode).isZero();
        assertThat(mavenCalls())
                .containsExactly(root + " -B -ntp -pl examples -am package -Dmaven.test.skip=true -Djacoco.skip=true");
        assertThat(run.stderr)
                .startsWith("tokjoule: " + jar + " not found\ntokjoule: building it with ./mvnw: ")
                .contains("Log: " + log())
                .contains("tokjoule: [1/2] parent", "tokjoule: [2/2] examples", "built " + jar)
                .doesNotContain("Building jar:");
        assertThat(run.stdout)
                .isEqualTo("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + jar + " demo --out report\n");
        assertThat(Files.readString(log())).contains("[INFO] Building jar: /somewhere/metrics-core");
    }

    @Test
    void aLaterRunStartsAtOnce() throws Exception {
        launch(Map.of(), "--version");
        Run second = launch(Map.of(), "--version");

        assertThat(second.exitCode).isZero();
        assertThat(second.stderr).isEmpty();
        assertThat(mavenCalls()).hasSize(1);
    }

    @Test
    void aMainSourceOrPomNewerThanTheJarRebuildsItATestSourceDoesNot() throws Exception {
        launch(Map.of(), "--version");

        ageEveryFile();
        write(root.resolve("metrics-jetson/src/test/java/ATest.java"), "class ATest { int edited; }\n");
        Run testEdited = launch(Map.of(), "--version");
        assertThat(testEdited.stderr).as("tests are not in the jar").isEmpty();

        write(root.resolve("metrics-jetson/src/main/java/A.java"), "class A { int edited; }\n");
        Run mainEdited = launch(Map.of(), "--version");
        assertThat(mainEdited.exitCode).isZero();
        assertThat(mainEdited.stderr)
                .startsWith("tokjoule: metrics-jetson/src/main/java/A.java changed since " + jar + " was built\n");
        assertThat(mavenCalls()).hasSize(2);

        ageEveryFile();
        write(root.resolve("examples/pom.xml"), "<project><!-- edited --></project>\n");
        assertThat(launch(Map.of(), "--version").stderr).startsWith("tokjoule: examples/pom.xml changed since ");
        assertThat(mavenCalls()).hasSize(3);
    }

    @Test
    void aFailedBuildExitsWithOneShowingTheErrorsAndNamingTheLog() throws Exception {
        write(root.resolve("fail"), "");

        Run run = launch(Map.of(), "demo");

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.stdout).as("the command does not run").isEmpty();
        assertThat(run.stderr)
                .contains("[ERROR] COMPILATION ERROR : Broken.java:[3,1]")
                .contains("building " + jar + " failed (./mvnw exit 1 after ")
                .contains("the whole log: " + log());
        assertThat(Files.readString(log())).contains("[ERROR] COMPILATION ERROR");
        assertThat(jar).doesNotExist();
    }

    @Test
    void tokjouleJarIsRunAsItIsAndNeverBuilt() throws Exception {
        Path own = write(root.resolve("elsewhere/own.jar"), "jar\n");

        Run run = launch(Map.of("TOKJOULE_JAR", own.toString()), "--help");
        Run missing = launch(Map.of("TOKJOULE_JAR", root.resolve("nope.jar").toString()), "--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).endsWith("-jar " + own + " --help\n");
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.stderr).isEqualTo("tokjoule: " + root.resolve("nope.jar") + " (TOKJOULE_JAR) not found\n");
        assertThat(mavenCalls()).isEmpty();
    }

    @Test
    void theCommandsExitCodeAndJavaOptionsPassThrough() throws Exception {
        Run run = launch(Map.of("FAKE_JAVA_EXIT", "2", "TOKJOULE_JAVA_OPTS", "-Xmx1g -Dx=y"), "report");

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stdout).startsWith("java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g -Dx=y -jar ");
    }

    @Test
    void aJdk25TakesTheAotCacheBesideTheJarOlderJdksTheAppCdsArchive() throws Exception {
        Path own = write(root.resolve("elsewhere/own.jar"), "jar\n");
        write(root.resolve("elsewhere/own.jsa"), "archive\n");
        Map<String, Path> jdks = new java.util.LinkedHashMap<>();
        for (String version : List.of("17.0.15", "25.0.3", "26")) {
            Path home = root.resolve("jdk-" + version);
            write(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
            executable(home.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
            jdks.put(version, home.resolve("bin/java"));
        }
        String cds = "-XX:SharedArchiveFile=" + root.resolve("elsewhere/own.jsa")
                + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar ";
        String aot = "-XX:AOTCache=" + root.resolve("elsewhere/own.aot") + " -Xlog:aot=off -Xlog:cds=off -jar ";

        // no cache yet: the archive, whatever the JDK (a JDK 25 ignores one it did not write)
        assertThat(launchWith(jdks.get("25.0.3"), own).stdout).contains(cds);

        write(root.resolve("elsewhere/own.aot"), "cache\n");
        assertThat(launchWith(jdks.get("17.0.15"), own).stdout).contains(cds);
        assertThat(launchWith(jdks.get("25.0.3"), own).stdout).contains(aot);
        assertThat(launchWith(jdks.get("26"), own).stdout).contains(aot);
        // a java without a release file beside it (the stand-in of the other tests): the archive
        assertThat(launchWith(root.resolve("java"), own).stdout).contains(cds);
    }

    private Run launchWith(Path java, Path ownJar) throws Exception {
        Run run = launch(Map.of("JAVA", java.toString(), "TOKJOULE_JAR", ownJar.toString()), "--version");
        assertThat(run.exitCode).isZero();
        return run;
    }

    @Test
    void theModulesWhoseSourcesItWatchesAreThoseInTheJar() throws Exception {
        String script = Files.readString(SCRIPT);
        Matcher watched = Pattern.compile("for module in ([a-z -]+); do").matcher(script);
        assertThat(watched.find()).as("the launcher's module loop").isTrue();

        Set<String> inTheJar = new TreeSet<>(List.of("examples"));
        Deque<String> toRead = new ArrayDeque<>(inTheJar);
        while (!toRead.isEmpty()) {
            for (String module : siblingsAtRuntime(Path.of("..", toRead.pop(), "pom.xml"))) {
                if (inTheJar.add(module)) {
                    toRead.push(module);
                }
            }
        }

        assertThat(new TreeSet<>(List.of(watched.group(1).split(" ")))).isEqualTo(inTheJar);
    }

    /** The io.github.tokjoule modules a POM depends on in compile or runtime scope. */
    private static List<String> siblingsAtRuntime(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        List<String> modules = new ArrayList<>();
        for (Element dependency : children(children(doc.getDocumentElement(), "dependencies"), "dependency")) {
            String scope = text(dependency, "scope");
            if (text(dependency, "groupId").equals("io.github.tokjoule")
                    && (scope.isEmpty() || scope.equals("compile") || scope.equals("runtime"))) {
                modules.add(text(dependency, "artifactId"));
            }
        }
        return modules;
    }

    private static List<Element> children(Element parent, String name) {
        return children(List.of(parent), name);
    }

    /** The elements named {@code name} directly under any of {@code parents}: not those of plugins or management. */
    private static List<Element> children(List<Element> parents, String name) {
        List<Element> found = new ArrayList<>();
        for (Element parent : parents) {
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static String text(Element element, String child) {
        List<Element> nodes = children(element, child);
        return nodes.isEmpty() ? "" : nodes.get(0).getTextContent().trim();
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    private Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("sh", root.resolve("examples/tokjoule").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("TOKJOULE_JAR");
        builder.environment().remove("TOKJOULE_JAVA_OPTS");
        builder.environment().put("JAVA", root.resolve("java").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the launcher exits")
                .isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Dates every file a minute back, as if the jar had been built after the last edit. */
    private void ageEveryFile() throws IOException {
        FileTime minuteAgo = FileTime.from(Instant.now().minusSeconds(60));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, minuteAgo);
            }
        }
    }

    private List<String> mavenCalls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private Path log() {
        return root.resolve("examples/target/tokjoule-build.log");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void executable(Path file, String text) throws IOException {
        write(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
