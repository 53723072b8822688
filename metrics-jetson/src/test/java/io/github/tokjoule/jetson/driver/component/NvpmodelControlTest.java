package io.github.tokjoule.jetson.driver.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tokjoule.jetson.PowerMode;
import io.github.tokjoule.jetson.driver.testing.ScriptedRunner;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NvpmodelControlTest {

    private static final PowerMode MAXN = PowerMode.of(2, "MAXN_SUPER");

    private static NvpmodelControl control(ScriptedRunner runner, String members) {
        return NvpmodelControl.create(
                runner, JetsonCommands.of(JetsonCommandsTest.plan(members), List.of("sudo")), Duration.ofSeconds(5));
    }

    @Test
    void parsesNvpmodelQueryOutput() {
        PowerModeStatus s = PowerModeStatus.parse("NVPM WARN: fan mode is not set!\nNV Power Mode: MAXN_SUPER\n2\n");
        assertThat(s.label()).contains("MAXN_SUPER");
        assertThat(s.id()).hasValue(2);
        assertThat(PowerModeStatus.parse("NV Power Mode: 15W\nNVPM WARN: x\n0").id())
                .hasValue(0);
        assertThat(PowerModeStatus.parse("NV Power Mode: 15W\nsomething else\n0")
                        .id())
                .isEmpty();
        assertThat(PowerModeStatus.parse("NV Power Mode: \n").label()).isEmpty();
        PowerModeStatus nothing = PowerModeStatus.parse("command not found");
        assertThat(nothing.label()).isEmpty();
        assertThat(nothing.id()).isEmpty();
        assertThat(nothing.output()).isEqualTo("command not found");
    }

    @Test
    void setsPinsVerifiesInOrder() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().on("sudo nvpmodel -q", 0, "NV Power Mode: MAXN_SUPER\n2\n");
        PowerModeStatus status = control(runner, "").apply(MAXN);
        assertThat(status)
                .isEqualTo(new PowerModeStatus(
                        Optional.of("MAXN_SUPER"), OptionalInt.of(2), "NV Power Mode: MAXN_SUPER\n2\n"));
        assertThat(runner.commandLines())
                .containsExactly(
                        "sudo nvpmodel -m 2", "sudo jetson_clocks", "sudo jetson_clocks --fan", "sudo nvpmodel -q");
        assertThat(runner.commands().get(0).stdin()).contains("no\n");
    }

    @Test
    void withoutFanTheFanStepIsSkippedAndALabelOnlyReportIsComparedIgnoringCase() throws Exception {
        ScriptedRunner runner = new ScriptedRunner().on("sudo nvpmodel -q", 0, "NV Power Mode: maxn_super\n");
        control(runner, "\"jetsonClocksFan\": false").apply(MAXN);
        assertThat(runner.commandLines())
                .containsExactly("sudo nvpmodel -m 2", "sudo jetson_clocks", "sudo nvpmodel -q");
        assertThat(NvpmodelControl.commandsFor(
                        JetsonCommands.of(JetsonCommandsTest.plan("\"jetsonClocksFan\": false"), List.of()), MAXN))
                .hasSize(3);
    }

    @Test
    void aRebootPromptStopsWithTheModeAndNvpmodelsWords() {
        String out = "NVPM WARN: Golden image context is already created\nNVPM WARN: Reboot required for changing to"
                + " this power mode: 2\nNVPM WARN: DO YOU WANT TO REBOOT NOW? enter YES/yes to confirm:\n";
        ScriptedRunner runner = new ScriptedRunner().on("sudo nvpmodel -m 2", 0, out);
        assertThatThrownBy(() -> control(runner, "").apply(MAXN))
                .isInstanceOfSatisfying(
                        RebootRequiredException.class, e -> assertThat(e.mode()).isEqualTo(MAXN))
                .hasMessageStartingWith("power mode 2 (MAXN_SUPER) needs a reboot; nvpmodel said: \"NVPM WARN: Golden"
                        + " image context is already created | NVPM WARN: Reboot required");
        assertThat(runner.commandLines()).containsExactly("sudo nvpmodel -m 2");
        assertThat(NvpmodelControl.asksForReboot("NVPM WARN: DO YOU WANT TO REBOOT NOW?"))
                .isTrue();
        assertThat(NvpmodelControl.asksForReboot("NV Power Mode: MAXN\n0")).isFalse();
    }

    @Test
    void aWrongModeOrAFailedStepStops() {
        ScriptedRunner wrong = new ScriptedRunner().on("sudo nvpmodel -q", 0, "NV Power Mode: MAXN_SUPER\n0\n");
        assertThatThrownBy(() -> control(wrong, "").apply(MAXN))
                .isInstanceOf(PowerModeException.class)
                .isNotInstanceOf(RebootRequiredException.class)
                .hasMessageStartingWith("power mode 2 (MAXN_SUPER) was set but nvpmodel -q reports MAXN_SUPER / id 0");
        ScriptedRunner noLabel = new ScriptedRunner().on("sudo nvpmodel -q", 0, "garbage");
        assertThatThrownBy(() -> control(noLabel, "").apply(MAXN)).hasMessageContaining("reports no label / no id");
        ScriptedRunner failing = new ScriptedRunner().on("sudo jetson_clocks", 1, "sudo: a password is required\n");
        assertThatThrownBy(() -> control(failing, "").apply(MAXN))
                .hasMessage("pinning clocks failed: `sudo jetson_clocks` exited with code 1: sudo: a password is"
                        + " required");
        ScriptedRunner slow = new ScriptedRunner().timesOut("sudo nvpmodel -m 2");
        assertThatThrownBy(() -> control(slow, "").apply(MAXN))
                .hasMessage("setting power mode 2 (MAXN_SUPER) failed: `sudo nvpmodel -m 2` did not finish in time");
        ScriptedRunner query = new ScriptedRunner().on("sudo nvpmodel -q", 255, "");
        assertThatThrownBy(() -> control(query, "").query())
                .hasMessage("querying the power mode failed: `sudo nvpmodel -q` exited with code 255");
    }
}
