package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tokjoule.jetson.PowerMode;
import org.junit.jupiter.api.Test;

class ModeNamesTest {

    @Test
    void recognisesTheSeedsDirectoryNames() {
        assertThat(ModeNames.fromDirectoryName("7w")).contains(PowerMode.of(3, "7W"));
        assertThat(ModeNames.fromDirectoryName("15W")).contains(PowerMode.of(0, "15W"));
        assertThat(ModeNames.fromDirectoryName("25w")).contains(PowerMode.of(1, "25W"));
        assertThat(ModeNames.fromDirectoryName("maxn")).contains(PowerMode.of(2, "MAXN"));
        assertThat(ModeNames.fromDirectoryName("MAXN_SUPER")).contains(PowerMode.of(2, "MAXN_SUPER"));
        assertThat(ModeNames.fromDirectoryName("jetson-non-reasoning-benchmark-25w"))
                .contains(PowerMode.of(1, "25W"));
        assertThat(ModeNames.fromDirectoryName("jetson-non-reasoning-benchmark-ollama-maxn"))
                .contains(PowerMode.of(2, "MAXN"));
        assertThat(ModeNames.fromDirectoryName("blog-all-20260527-0447-7w")).contains(PowerMode.of(3, "7W"));
        assertThat(ModeNames.fromDirectoryName("llamacpp-hf-maxn-super")).contains(PowerMode.of(2, "MAXN_SUPER"));
        assertThat(ModeNames.fromDirectoryName("agx_30W")).contains(PowerMode.of(30, "30W"));
    }

    @Test
    void rejectsNamesThatOnlyLookLikeModes() {
        assertThat(ModeNames.fromDirectoryName("gen256")).isEmpty();
        assertThat(ModeNames.fromDirectoryName("smollm2-135m")).isEmpty();
        assertThat(ModeNames.fromDirectoryName("new")).isEmpty(); // ends in "w" without digits
        assertThat(ModeNames.fromDirectoryName("a25w")).isEmpty(); // no separator before the mode
        assertThat(ModeNames.fromDirectoryName("0w")).isEmpty();
        assertThat(ModeNames.fromDirectoryName("notmaxn")).isEmpty();
        assertThat(ModeNames.fromDirectoryName("logs")).isEmpty();
    }

    @Test
    void maxnAndMaxnSuperAreTheSameMode() {
        assertThat(ModeNames.sameMode("MAXN", "maxn_super")).isTrue();
        assertThat(ModeNames.sameMode("MAXN-SUPER", "MAXN")).isTrue();
        assertThat(ModeNames.sameMode("25w", "25W")).isTrue();
        assertThat(ModeNames.sameMode("25W", "15W")).isFalse();
        assertThat(ModeNames.sameMode("MAXN", "25W")).isFalse();
    }
}
