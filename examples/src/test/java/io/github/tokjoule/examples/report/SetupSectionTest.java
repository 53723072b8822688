package io.github.tokjoule.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system audit a driver run saves, as the report's setup lines. */
class SetupSectionTest {

    @TempDir
    Path dir;

    @Test
    void theInterestingLinesOfTheDriversAudit() throws Exception {
        // Shaped like the driver's audit/start.json (SystemAudit.collect).
        Path file = dir.resolve("start.json");
        Files.writeString(file, """
                {
                  "capturedAt": "2026-05-27T04:47:00Z",
                  "systemZone": "Asia/Kolkata",
                  "l4tRelease": "# R36 (release), REVISION: 4.7, GCID: 41238389, BOARD: generic, EABI: aarch64",
                  "kernel": "Linux version 5.15.148-tegra",
                  "memory": {"MemTotalKilobytes": 7802732, "MemAvailableKilobytes": 6000000,
                             "CmaTotalKilobytes": 262144, "CmaFreeKilobytes": "unavailable: not in /proc/meminfo"},
                  "nvpmodel": "NV Power Mode: 25W\\n1",
                  "clocks": {"devfreqHertz": {"17000000.gpu": {"cur_freq": 816000000}}, "cpuKilohertz": {}},
                  "tools": {"llama-server": "version: 5290 (ef570f630)\\nbuilt with cc", "aiperf": "aiperf 0.11.0"},
                  "list": [1, 2]
                }
                """, StandardCharsets.UTF_8);
        List<ReportData.SetupItem> items = SetupSection.audit(file);
        assertThat(items)
                .containsExactly(
                        new ReportData.SetupItem(
                                "L4T release",
                                "# R36 (release), REVISION: 4.7, GCID: 41238389, BOARD: generic, EABI: aarch64"),
                        new ReportData.SetupItem("Kernel", "Linux version 5.15.148-tegra"),
                        new ReportData.SetupItem("nvpmodel at start", "NV Power Mode: 25W"),
                        // 7,802,732 kB / 1024 = 7,620 MiB; CMA total 262,144 kB = 256 MiB; CMA free not a number
                        new ReportData.SetupItem("Memory", "RAM 7620 MiB, CMA 256 MiB"),
                        new ReportData.SetupItem("llama-server version", "version: 5290 (ef570f630)"),
                        new ReportData.SetupItem("aiperf version", "aiperf 0.11.0"),
                        new ReportData.SetupItem("Audit taken at", "2026-05-27T04:47:00Z"));
    }

    @Test
    void memoryWithTheFreeCma() throws Exception {
        Path file = dir.resolve("start.json");
        Files.writeString(
                file,
                "{\"memory\": {\"MemTotalKilobytes\": 8192, \"CmaTotalKilobytes\": 262144,"
                        + " \"CmaFreeKilobytes\": 131072}}",
                StandardCharsets.UTF_8);
        // 8,192 kB = 8 MiB; 131,072 kB = 128 MiB free of 262,144 kB = 256 MiB
        assertThat(SetupSection.audit(file))
                .containsExactly(new ReportData.SetupItem("Memory", "RAM 8 MiB, CMA free 128 MiB of 256 MiB"));
    }

    @Test
    void aMissingOrBrokenAuditGivesNothingOrOneLine() throws Exception {
        assertThat(SetupSection.audit(dir.resolve("none.json"))).isEmpty();
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"kernel\": ", StandardCharsets.UTF_8);
        assertThat(SetupSection.audit(broken)).singleElement().satisfies(i -> assertThat(i.value())
                .startsWith("unreadable: " + broken));
    }
}
