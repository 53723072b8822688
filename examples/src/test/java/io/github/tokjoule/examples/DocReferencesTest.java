package io.github.tokjoule.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every document the code and docs cite is in the repository, at the section cited: "DESIGN §3.2" (docs/DESIGN.md),
 * "docs/reference/seed-methodology.md §2.7", "docs/ANALYSIS.md §10". A section {@code §A.B} is a heading numbered
 * {@code A.B}, or item {@code B.} of the numbered list under heading {@code A}. The reference notes are cited by their
 * path in the repository, never by a bare name that points outside it; and the spelling is American ("analyze").
 */
class DocReferencesTest {

    /** The repository root: the tests run in the examples module's directory. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Set<String> SCANNED = Set.of(".java", ".md", ".json", ".py", ".xml", ".sh", ".properties");
    private static final Pattern DOC = Pattern.compile("(DESIGN|docs/[A-Za-z0-9_./-]+\\.md)`?");
    private static final Pattern FIRST_SECTION =
            Pattern.compile("\\G\\s?§\\s?(\\d+(?:\\.\\d+)*)(?:[–-](\\d+(?:\\.\\d+)*))?");
    private static final Pattern NEXT_SECTION =
            Pattern.compile("\\G(?:,|;|,? and)\\s§\\s?(\\d+(?:\\.\\d+)*)(?:[–-](\\d+(?:\\.\\d+)*))?");
    private static final Pattern BARE_NOTE =
            Pattern.compile("(?<![\\w/])(seed-methodology|tegrastats-format|aiperf-format|gpu-power-facts)(\\.md| ?§)");
    private static final Pattern BRITISH = Pattern.compile("\\b[Aa]nalys(?:e|ed|ing)(?![a-z])");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\d+(?:\\.\\d+)*)[a-z]?[.\\s]");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\d+)\\.\\s");

    private static final Map<Path, Set<String>> SECTIONS = new HashMap<>();
    private static List<Path> files;

    @BeforeAll
    static void scan() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            files = all.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = ROOT.relativize(p).toString().replace('\\', '/');
                        return !rel.startsWith(".") && !rel.contains("/target/") && !rel.startsWith("docs/reference/");
                    })
                    .filter(p -> SCANNED.stream()
                            .anyMatch(ext -> p.getFileName().toString().endsWith(ext)))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(files).hasSizeGreaterThan(100);
    }

    @Test
    void everyCitedDocumentAndSectionExistsInTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int citations = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher doc = DOC.matcher(text);
            while (doc.find()) {
                Path target = ROOT.resolve(doc.group(1).equals("DESIGN") ? "docs/DESIGN.md" : doc.group(1));
                String where = ROOT.relativize(file) + ": " + doc.group();
                if (!Files.isRegularFile(target)) {
                    if (!doc.group(1).equals("DESIGN")) {
                        broken.add(where + " (no such file)");
                    }
                    continue;
                }
                citations++;
                Matcher s = FIRST_SECTION.matcher(text).region(doc.end(), text.length());
                if (!s.lookingAt()) {
                    continue;
                }
                int end = check(target, s, where, broken);
                Matcher next = NEXT_SECTION.matcher(text);
                while (next.region(end, text.length()).lookingAt()) {
                    end = check(target, next, where, broken);
                }
            }
        }
        assertThat(citations).as("citations found").isGreaterThan(50);
        assertThat(broken)
                .as("citations of documents or sections not in the repository")
                .isEmpty();
    }

    @Test
    void theReferenceNotesAreCitedByTheirPathInTheRepository() throws IOException {
        List<String> bare = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = BARE_NOTE.matcher(text);
            while (m.find()) {
                if (m.start() < "docs/reference/".length()
                        || !text.startsWith("docs/reference/", m.start() - "docs/reference/".length())) {
                    bare.add(ROOT.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(bare).as("write docs/reference/<name>.md").isEmpty();
    }

    @Test
    void theSpellingIsAmerican() throws IOException {
        List<String> british = new ArrayList<>();
        for (Path file : files) {
            Matcher m = BRITISH.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                british.add(ROOT.relativize(file) + ": " + m.group());
            }
        }
        assertThat(british).as("write analyze, analyzed, analyzing").isEmpty();
    }

    @Test
    void sectionsAreHeadingsOrTheNumberedItemsUnderThem() {
        Set<String> design = sections(ROOT.resolve("docs/DESIGN.md"));
        assertThat(design).contains("3", "3.2", "10").doesNotContain("3.99", "42");
        Set<String> seed = sections(ROOT.resolve("docs/reference/seed-methodology.md"));
        assertThat(seed).contains("1.3", "2.10", "4", "4.9", "4.16").doesNotContain("4.17", "2.11");
    }

    /** Checks one section (and the end of a range); returns where the match ends. */
    private static int check(Path target, Matcher m, String where, List<String> broken) {
        for (int g = 1; g <= 2; g++) {
            String section = m.group(g);
            if (section != null && !sections(target).contains(section)) {
                broken.add(where + " §" + section + " (no such section in " + ROOT.relativize(target) + ")");
            }
        }
        return m.end();
    }

    private static Set<String> sections(Path doc) {
        return SECTIONS.computeIfAbsent(doc, d -> {
            Set<String> out = new HashSet<>();
            String heading = null;
            try {
                for (String line : Files.readAllLines(d, StandardCharsets.UTF_8)) {
                    Matcher h = HEADING.matcher(line);
                    if (h.find()) {
                        heading = h.group(1);
                        out.add(heading);
                    } else if (line.startsWith("#")) {
                        heading = null;
                    } else if (heading != null) {
                        Matcher item = LIST_ITEM.matcher(line);
                        if (item.find()) {
                            out.add(heading + "." + item.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        });
    }
}
