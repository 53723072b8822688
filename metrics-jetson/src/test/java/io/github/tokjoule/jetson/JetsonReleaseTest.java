package io.github.tokjoule.jetson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JetsonReleaseTest {

    @Test
    void readsTheFirstLineOfNvTegraRelease() {
        // The Orin Nano's JetPack 6.2 image: "# R36 (release), REVISION: 4.3, ..." → L4T 36.4.3.
        assertThat(JetsonRelease.parse("# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64"))
                .contains(new JetsonRelease(36, 4, 3));
        // JetPack 6.1's line has "4.0"; a revision without a patch reads as patch 0.
        assertThat(JetsonRelease.parse("# R36 (release), REVISION: 4.0, GCID: 37537400"))
                .contains(new JetsonRelease(36, 4, 0));
        assertThat(JetsonRelease.parse("  # R35 (release), REVISION: 4")).contains(new JetsonRelease(35, 4, 0));
        assertThat(JetsonRelease.parse("R32 (release), REVISION: 7.1")).contains(new JetsonRelease(32, 7, 1));
    }

    @Test
    void anythingElseIsNoRelease() {
        assertThat(JetsonRelease.parse("unavailable: /etc/nv_tegra_release cannot be read (NoSuchFileException)"))
                .isEmpty();
        assertThat(JetsonRelease.parse("")).isEmpty();
        assertThat(JetsonRelease.parse("# R36 (release)")).isEmpty();
        assertThat(JetsonRelease.parse("# R99999999999 (release), REVISION: 4.3"))
                .isEmpty();
    }

    @Test
    void derivesJetPackOnlyForThePairsOfNvidiasArchive() {
        assertThat(new JetsonRelease(36, 4, 4).jetPack()).contains("6.2.1");
        assertThat(new JetsonRelease(36, 4, 3).jetPack()).contains("6.2");
        assertThat(new JetsonRelease(36, 4, 0).jetPack()).contains("6.1");
        assertThat(new JetsonRelease(36, 3, 0).jetPack()).contains("6.0");
        assertThat(new JetsonRelease(35, 4, 1).jetPack()).contains("5.1.2");
        assertThat(new JetsonRelease(35, 1, 0).jetPack()).contains("5.0.2");
        // The seed's board (L4T 36.4.7, a later update) and a developer preview derive nothing.
        assertThat(new JetsonRelease(36, 4, 7).jetPack()).isEmpty();
        assertThat(new JetsonRelease(36, 2, 0).jetPack()).isEmpty();
        assertThat(new JetsonRelease(36, 4, 3).version()).isEqualTo("36.4.3");
    }

    @Test
    void negativeNumbersAreRejected() {
        assertThatThrownBy(() -> new JetsonRelease(36, -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("36.-1.0");
    }

    @Test
    void theLineItWasReadFromReadsBackAsTheSameRelease() {
        qt().forAll(
                        integers().between(0, 999),
                        integers().between(0, 99),
                        integers().between(0, 99))
                .checkAssert((major, minor, patch) -> {
                    String line = "# R" + major + " (release), REVISION: " + minor + "." + patch + ", GCID: 1";
                    Optional<JetsonRelease> r = JetsonRelease.parse(line);
                    assertThat(r).contains(new JetsonRelease(major, minor, patch));
                    assertThat(r.orElseThrow().version()).isEqualTo(major + "." + minor + "." + patch);
                });
    }
}
