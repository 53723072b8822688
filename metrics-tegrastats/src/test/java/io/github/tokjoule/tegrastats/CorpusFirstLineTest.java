package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The first tegrastats line of every corpus file against the values written by hand in {@code corpus/SOURCES.md},
 * field by field. Every expected value below is copied from SOURCES.md (not produced by the parser).
 */
class CorpusFirstLineTest {

    @Test
    void abdelAgxOrinR36() {
        TegrastatsSample s = Corpus.first("abdel-e-agx-orin-64gb-r36-long.log");
        time(s, "2025-10-26T05:10:54");
        ram(s, 6879, 62841, 3, 4, SizeUnit.MEGABYTES);
        swap(s, 0, 31421, 0);
        cpu(s, new int[] {5, 1, 0, 9, 1, 3, 5, 0, 3, 1, 1, 7}, 729);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0, 2133);
        gpuArray(s, 0, 305, 305);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(174);
        for (String off :
                new String[] {"NVENC", "NVDEC", "NVJPG", "NVJPG1", "VIC", "OFA", "NVDLA0", "NVDLA1", "PVA0_FREQ"}) {
            assertThat(s.engine(off).orElseThrow().off()).as(off).isTrue();
        }
        temps(
                s, "cpu", 47.687, "tboard", 36.75, "soc2", 44.312, "tdiode", 37.5, "soc0", 45.718, "gpu", 43.218, "tj",
                47.687, "soc1", 45.125);
        rails(
                s,
                RailUnit.MILLIWATTS,
                "VDD_GPU_SOC 2801/2801",
                "VDD_CPU_CV 400/400",
                "VIN_SYS_5V0 4536/4536",
                "VDDQ_VDD2_1V8AO 604/604");
        assertThat(s.unknownTokens()).isEmpty();
    }

    @Test
    void ssaraffTx2LongStartsAfterItsDateHeader() {
        TegrastatsSample s = Corpus.first("ssaraff98-tx2-long.log");
        assertThat(s.lineNumber()).isEqualTo(2);
        assertThat(s.printedTime()).isEmpty();
        ram(s, 896, 7859, 26, 4, SizeUnit.MEGABYTES);
        swap(s, 0, 3929, 0);
        cpuEach(s, new int[] {4, 4, 4, 1, 0, 0}, new int[] {2035, 345, 345, 2035, 2035, 2035});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0);
        temps(
                s, "PLL", 34.5, "MCPU", 34.5, "PMIC", 100.0, "Tboard", 29.0, "GPU", 31.0, "BCPU", 34.5, "thermal", 32.8,
                "Tdiode", 30.5);
        rails(
                s,
                RailUnit.UNITLESS,
                "VDD_SYS_GPU 153/153",
                "VDD_SYS_SOC 383/383",
                "VDD_4V0_WIFI 0/0",
                "VDD_IN 1840/1840",
                "VDD_SYS_CPU 306/306",
                "VDD_SYS_DDR 269/269");
    }

    @Test
    void ssaraffMultiboardEveryLine() {
        List<TegrastatsSample> all = Corpus.samples("ssaraff98-multiboard-sample.log");
        assertThat(all).hasSize(4);
        // line 2, TX2 (VDD_SYS_*)
        TegrastatsSample tx2 = all.get(0);
        assertThat(tx2.lineNumber()).isEqualTo(2);
        ram(tx2, 1404, 7860, 236, 4, SizeUnit.MEGABYTES);
        swap(tx2, 0, 3930, 0);
        cpuEach(tx2, new int[] {0, 0, 0, 0, 0, 0}, new int[] {345, 960, 960, 345, 345, 345});
        engine(tx2.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(tx2.gpu().orElseThrow(), "GR3D_FREQ", 0);
        assertThat(tx2.milliwatts("VDD_IN")).isEqualTo(1649);
        assertThat(tx2.railAverageMilliwatts(tx2.railIndex("VDD_IN").getAsInt()))
                .isEqualTo(1649);
        // line 3, TX1 with IRAM
        TegrastatsSample tx1 = all.get(1);
        assertThat(tx1.ram().orElseThrow()).isEqualTo(new MemoryUsage(1179, 3983, SizeUnit.MEGABYTES));
        iram(tx1);
        engine(tx1.emc().orElseThrow(), "EMC_FREQ", 7, 408);
        engine(tx1.gpu().orElseThrow(), "GR3D_FREQ", 0, 76);
        assertThat(tx1.engine("APE").orElseThrow().frequencyMhz()).hasValue(25);
        rails(tx1, RailUnit.UNITLESS, "VDD_IN 2532/2698", "VDD_CPU 76/178", "VDD_GPU 19/19");
        // line 4, TX2 with five cores off
        TegrastatsSample off = all.get(2);
        cpuEach(off, new int[] {2, -1, -1, -1, -1, -1}, new int[] {345, -1, -1, -1, -1, -1});
        engine(off.emc().orElseThrow(), "EMC_FREQ", 13, 40);
        engine(off.gpu().orElseThrow(), "GR3D_FREQ", 0, 114);
        rails(
                off,
                RailUnit.UNITLESS,
                "VDD_IN 2003/2658",
                "VDD_CPU 320/518",
                "VDD_GPU 400/735",
                "VDD_SOC 400/415",
                "VDD_WIFI 0/0",
                "VDD_DDR 240/348");
        // line 5, AGX Xavier
        TegrastatsSample xavier = all.get(3);
        assertThat(xavier.ram().orElseThrow().used()).isEqualTo(1903);
        assertThat(xavier.ram().orElseThrow().total()).isEqualTo(15692);
        cpu(xavier, new int[] {1, 1, 2, 0, 0, 0, 0, 0}, 1190);
        engine(xavier.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(xavier.gpu().orElseThrow(), "GR3D_FREQ", 0);
        rails(
                xavier,
                RailUnit.UNITLESS,
                "GPU 0/0",
                "CPU 216/216",
                "SOC 864/864",
                "CV 0/0",
                "VDDRQ 144/144",
                "SYS5V 1889/1889");
    }

    @Test
    void hordialesLegacyTx1() {
        TegrastatsSample s = Corpus.first("hordiales-tx1-r28.1.log");
        assertThat(s.printedTime()).isEmpty();
        ram(s, 3691, 3983, 3, 2, SizeUnit.MEGABYTES);
        swap(s, 2780, 8192, 284);
        cpu(s, new int[] {0, 0, 0, 0}, 1734);
        assertThat(s.cpuSharedFrequencyMhz()).hasValue(1734);
        engine(s.emc().orElseThrow(), "EMC", 0, 1600);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(25);
        engine(s.gpu().orElseThrow(), "GR3D", 0, 998);
        assertThat(s.temperatureCount()).isZero();
        assertThat(s.railCount()).isZero();
    }

    @Test
    void jetsonStatsAgxOrinJp72ThreeValuedRailsAndTwoValuedTemperatures() {
        TegrastatsSample s = Corpus.first("jetson_stats-agx-orin-64gb-jp7.2-r39.2.log");
        time(s, "2026-07-25T09:08:28");
        ram(s, 20642, 62817, 1, 2, SizeUnit.MEGABYTES);
        assertThat(s.swap()).isEmpty();
        cpu(s, new int[] {23, 10, 4, 14, 30, 18, 10, 10, 33, 7, 5, 27}, 2201);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 3, 3199);
        gpuArray(s, 12, 1300, 1300);
        for (String off :
                new String[] {"NVENC0", "NVDEC0", "NVJPG0", "NVJPG1", "VIC", "OFA", "NVDLA0", "NVDLA1", "PVA0_FREQ"}) {
            assertThat(s.engine(off).orElseThrow().off()).as(off).isTrue();
        }
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(174);
        temps(s, "cpu", 52.968, "soc2", 48.406, "soc0", 49.531, "gpu", 47.625);
        for (int i = 0; i < 4; i++) {
            assertThat(s.temperatureMaxCelsius(i)).isEqualTo(s.temperatureCelsius(i));
        }
        assertThat(s.celsius("tj")).isNaN();
        rails(
                s,
                RailUnit.MILLIWATTS,
                "VDD_GPU_SOC 5139/5139/5139",
                "VDD_CPU_CV 3268/3268/3268",
                "VIN_SYS_5V0 5500/5500/5500");
    }

    @Test
    void jetsonStatsHistAgxXavierSudoThenNonSudo() {
        List<TegrastatsSample> all = Corpus.samples("jetson_stats-hist-agx-xavier-r32.log");
        TegrastatsSample sudo = all.get(0);
        ram(sudo, 1736, 15827, 3283, 4, SizeUnit.MEGABYTES);
        assertThat(sudo.swap()).isEmpty();
        cpuEach(sudo, new int[] {1, 2, 0, 0, -1, -1, -1, -1}, new int[] {1160, 1161, 1189, 1189, -1, -1, -1, -1});
        engine(sudo.emc().orElseThrow(), "EMC_FREQ", 0, 665);
        engine(sudo.gpu().orElseThrow(), "GR3D_FREQ", 0, 114);
        assertThat(sudo.engine("APE").orElseThrow().frequencyMhz()).hasValue(150);
        assertThat(sudo.mtsForegroundPercent()).hasValue(0);
        assertThat(sudo.mtsBackgroundPercent()).hasValue(0);
        temps(
                sudo, "AO", 29.0, "GPU", 30.0, "iwlwifi", 34.0, "Tboard", 30.0, "Tdiode", 33.0, "AUX", 29.0, "CPU",
                30.0, "thermal", 29.45, "PMIC", 100.0);
        rails(
                sudo,
                RailUnit.UNITLESS,
                "GPU 466/466",
                "CPU 466/466",
                "SOC 932/932",
                "CV 0/0",
                "VDDRQ 0/0",
                "SYS5V 1854/1854");
        TegrastatsSample user = all.get(1);
        engine(user.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(user.gpu().orElseThrow(), "GR3D_FREQ", 4);
        assertThat(user.engine("APE")).isEmpty();
        assertThat(user.mtsForegroundPercent()).isEmpty();
        assertThat(user.milliwatts("SYS5V")).isEqualTo(2053);
    }

    @Test
    void jetsonStatsFixtureTx2KilobyteLfb() {
        TegrastatsSample s = Corpus.first("jetson_stats-fixture-tx2.log");
        ram(s, 4722, 7844, 1, 512, SizeUnit.KILOBYTES);
        assertThat(s.ramLargestFreeBlock().orElseThrow().sizeKilobytes()).isEqualTo(512.0);
        assertThat(s.swap()).isEmpty();
        cpuEach(s, new int[] {55, 14, 27, 55, 47, 45}, new int[] {2035, 2034, 2034, 2035, 2035, 2035});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 2, 1866);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 71, 1300);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(150);
        assertThat(s.mtsForegroundPercent()).hasValue(0);
        assertThat(s.mtsBackgroundPercent()).hasValue(0);
        temps(
                s, "BCPU", 45.0, "MCPU", 45.0, "GPU", 51.0, "PLL", 45.0, "AO", 47.5, "Tboard", 37.0, "Tdiode", 46.75,
                "PMIC", 100.0, "thermal", 46.4);
        rails(
                s,
                RailUnit.UNITLESS,
                "VDD_IN 14025/14416",
                "VDD_CPU 2209/2538",
                "VDD_GPU 6854/6903",
                "VDD_SOC 1371/1370",
                "VDD_WIFI 19/19",
                "VDD_DDR 2702/2702");
    }

    @Test
    void jetsonStatsFixtureNanoWithActiveEncoders() {
        TegrastatsSample s = Corpus.first("jetson_stats-fixture-nano.log");
        ram(s, 1180, 3965, 1, 2, SizeUnit.MEGABYTES);
        swap(s, 149, 1024, 7);
        iram(s);
        cpu(s, new int[] {30, 33, 28, 26}, 1036);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 10, 1600);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0, 76);
        engine(s.engine("NVENC").orElseThrow(), "NVENC", -1, 716);
        engine(s.engine("NVDEC").orElseThrow(), "NVDEC", -1, 716);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(25);
        temps(s, "PLL", 57.0, "CPU", 60.5, "PMIC", 100.0, "GPU", 59.0, "AO", 65.0, "thermal", 59.75);
        rails(s, RailUnit.UNITLESS, "POM_5V_IN 4520/4680", "POM_5V_GPU 0/0", "POM_5V_CPU 1078/1205");
    }

    @Test
    void waggleXavierNxJp4() {
        TegrastatsSample s = Corpus.first("waggle-xavier-nx-jp4.log");
        ram(s, 5246, 7771, 7, 4, SizeUnit.MEGABYTES);
        swap(s, 983, 20269, 280);
        cpu(s, new int[] {47, 23, 32, 22, 31, 96}, 1420);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 2, 1600);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0, 1109);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(150);
        assertThat(s.mtsForegroundPercent()).hasValue(1);
        assertThat(s.mtsBackgroundPercent()).hasValue(9);
        temps(s, "AO", 29.0, "GPU", 31.5, "PMIC", 100.0, "AUX", 30.0, "CPU", 33.5, "thermal", 31.35);
        rails(s, RailUnit.UNITLESS, "VDD_IN 6140/5510", "VDD_CPU_GPU_CV 2706/2119", "VDD_SOC 1074/1051");
    }

    @Test
    void waggleXavierNxJp512OneElementGpcArray() {
        TegrastatsSample s = Corpus.first("waggle-xavier-nx-jp5.1.2.log");
        time(s, "2024-07-09T13:31:31");
        ram(s, 3168, 6851, 2, 4, SizeUnit.MEGABYTES);
        swap(s, 161, 3426, 0);
        cpuEach(s, new int[] {23, 17, 16, 13, 23, 10}, new int[] {1397, 1192, 1190, 1190, 1190, 1190});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 2, 204);
        gpuArray(s, 0, 114);
        assertThat(s.engine("VIC_FREQ").orElseThrow().frequencyMhz()).hasValue(115);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(150);
        temps(s, "AUX", 45.0, "CPU", 46.5, "thermal", 45.6, "AO", 45.0, "GPU", 45.5, "PMIC", 50.0);
        rails(s, RailUnit.MILLIWATTS, "VDD_IN 2763/2846", "VDD_CPU_GPU_CV 650/670", "VDD_SOC 650/711");
    }

    @Test
    void waggleNanoJp461() {
        TegrastatsSample s = Corpus.first("waggle-nano-jp4.6.1.log");
        ram(s, 1923, 3964, 2, 2, SizeUnit.MEGABYTES);
        swap(s, 191, 1982, 6);
        iram(s);
        cpu(s, new int[] {5, 4, 3, 6}, 1224);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0, 1600);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0, 76);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(25);
        temps(s, "PLL", 37.0, "CPU", 40.0, "PMIC", 50.0, "GPU", 40.0, "AO", 45.0, "thermal", 40.0);
        rails(s, RailUnit.UNITLESS, "POM_5V_IN 1750/1628", "POM_5V_GPU 0/0", "POM_5V_CPU 366/406");
    }

    @Test
    void gdwrAgxOrinR35SentinelsAndDuplicateNc() {
        TegrastatsSample s = Corpus.first("gdwr-agx-orin-64gb-r35.log");
        time(s, "2025-04-11T10:36:27");
        ram(s, 4321, 62801, 1759, 4, SizeUnit.MEGABYTES);
        swap(s, 19, 31400, 0);
        cpu(s, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 729);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0, 2133);
        gpuArray(s, 0, 0, 0);
        assertThat(s.engine("VIC_FREQ").orElseThrow().frequencyMhz()).hasValue(729);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(174);
        // -256 °C sentinels are absent (NaN below), but kept as printed
        temps(
                s,
                "CV0",
                Double.NaN,
                "CPU",
                44.562,
                "Tboard",
                32.0,
                "SOC2",
                40.093,
                "Tdiode",
                33.0,
                "SOC0",
                41.093,
                "CV1",
                Double.NaN,
                "GPU",
                Double.NaN,
                "tj",
                44.343,
                "SOC1",
                41.25,
                "CV2",
                Double.NaN);
        assertThat(s.temperaturePrintedCelsius(0)).isEqualTo(-256.0);
        rails(
                s,
                RailUnit.MILLIWATTS,
                "VDD_GPU_SOC 2340/2340",
                "VDD_CPU_CV 390/390",
                "VIN_SYS_5V0 4025/4025",
                "NC 0/0",
                "VDDQ_VDD2_1V8AO 301/301",
                "NC 0/0");
    }

    @Test
    void issue624OrinNxActiveEngines() {
        TegrastatsSample s = Corpus.first("issue-jetson_stats-624-orin-8gb-r36-sudo.log");
        time(s, "2025-05-15T18:30:28");
        ram(s, 6982, 7620, 5, 1, SizeUnit.MEGABYTES);
        swap(s, 2640, 16384, 202);
        cpuEach(s, new int[] {97, 95, 95, 91, 88, 93}, new int[] {1984, 1984, 1984, 1984, 1984, 247});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 18, 3199);
        gpuArray(s, 84, 713);
        engine(s.engine("NVENC").orElseThrow(), "NVENC", 1, 115);
        engine(s.engine("NVDEC").orElseThrow(), "NVDEC", 40, 115);
        engine(s.engine("VIC").orElseThrow(), "VIC", 31, 115);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(174);
        temps(
                s, "cv0", 63.031, "cpu", 65.562, "soc2", 64.156, "soc0", 63.031, "cv1", 62.937, "gpu", 63.5, "tj",
                65.562, "soc1", 64.718, "cv2", 60.875);
        rails(s, RailUnit.MILLIWATTS, "VDD_IN 17946/15710", "VDD_CPU_GPU_CV 8896/7585", "VDD_SOC 3923/3515");
    }

    @Test
    void pr16NanoSudo() {
        TegrastatsSample s = Corpus.first("issue-jetson_stats-pr16-nano-r32-sudo.log");
        ram(s, 1446, 3957, 458, 4, SizeUnit.MEGABYTES);
        assertThat(s.swap()).isEmpty();
        iram(s);
        cpuEach(s, new int[] {17, 11, 21, 12}, new int[] {1428, 1428, 1428, 1428});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 2, 1600);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0, 76);
        assertThat(s.engine("APE").orElseThrow().frequencyMhz()).hasValue(25);
        temps(s, "PLL", 20.5, "CPU", 24.5, "PMIC", 100.0, "GPU", 21.0, "AO", 29.5, "thermal", 22.25);
        rails(s, RailUnit.UNITLESS, "POM_5V_IN 2830/1483", "POM_5V_GPU 41/31", "POM_5V_CPU 943/206");
    }

    @Test
    void txUtils3Tx2NonRoot() {
        TegrastatsSample s = Corpus.first("issue-tx-utils-3-tx2.log");
        ram(s, 2020, 7852, 1164, 4, SizeUnit.MEGABYTES);
        assertThat(s.swap()).isEmpty();
        cpuEach(s, new int[] {9, 21, 25, 3, 1, 1}, new int[] {345, 345, 345, 345, 345, 345});
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0);
        temps(
                s, "PLL", 42.5, "MCPU", 42.5, "PMIC", 100.0, "Tboard", 40.0, "GPU", 41.0, "BCPU", 42.5, "thermal", 41.9,
                "Tdiode", 41.25);
        rails(
                s,
                RailUnit.UNITLESS,
                "VDD_SYS_GPU 153/158",
                "VDD_SYS_SOC 536/547",
                "VDD_4V0_WIFI 633/527",
                "VDD_IN 3140/3208",
                "VDD_SYS_CPU 536/590",
                "VDD_SYS_DDR 557/601");
    }

    @Test
    void gtopPr7AgxXavier() {
        TegrastatsSample s = Corpus.first("issue-gtop-pr7-agx-xavier-jp4.2.log");
        ram(s, 14700, 15692, 3, 2, SizeUnit.MEGABYTES);
        swap(s, 898, 8192, 23);
        cpu(s, new int[] {0, 0, 0, 0, 0, 0, 0, 0}, 1190);
        engine(s.emc().orElseThrow(), "EMC_FREQ", 0);
        engine(s.gpu().orElseThrow(), "GR3D_FREQ", 0);
        temps(
                s, "AO", 30.0, "GPU", 30.5, "Tboard", 31.0, "Tdiode", 32.0, "AUX", 30.5, "CPU", 31.5, "thermal", 30.8,
                "PMIC", 100.0);
        rails(
                s,
                RailUnit.UNITLESS,
                "GPU 463/463",
                "CPU 618/618",
                "SOC 2936/2936",
                "CV 0/0",
                "VDDRQ 309/309",
                "SYS5V 3306/3306");
    }

    // ------------------------------------------------------------------ helpers

    private static void time(TegrastatsSample s, String iso) {
        assertThat(s.printedTime()).hasValue(LocalDateTime.parse(iso));
    }

    private static void ram(TegrastatsSample s, long used, long total, long lfbCount, long lfbSize, SizeUnit lfbUnit) {
        assertThat(s.ram()).hasValue(new MemoryUsage(used, total, SizeUnit.MEGABYTES));
        assertThat(s.ramLargestFreeBlock()).hasValue(new BlockSize(OptionalLong.of(lfbCount), lfbSize, lfbUnit));
    }

    private static void swap(TegrastatsSample s, long used, long total, long cached) {
        assertThat(s.swap()).hasValue(new MemoryUsage(used, total, SizeUnit.MEGABYTES));
        assertThat(s.swapCached()).hasValue(new BlockSize(OptionalLong.empty(), cached, SizeUnit.MEGABYTES));
    }

    /** {@code IRAM 0/252kB(lfb 252kB)}, the same on every board that prints it. */
    private static void iram(TegrastatsSample s) {
        assertThat(s.iram()).hasValue(new MemoryUsage(0, 252, SizeUnit.KILOBYTES));
        assertThat(s.iramLargestFreeBlock()).hasValue(new BlockSize(OptionalLong.empty(), 252, SizeUnit.KILOBYTES));
    }

    private static void cpu(TegrastatsSample s, int[] loads, int freq) {
        int[] freqs = new int[loads.length];
        java.util.Arrays.fill(freqs, freq);
        cpuEach(s, loads, freqs);
    }

    /** Loads and frequencies per core; -1 marks an {@code off} core. */
    private static void cpuEach(TegrastatsSample s, int[] loads, int[] freqs) {
        assertThat(s.cpuCoreCount()).isEqualTo(loads.length);
        for (int i = 0; i < loads.length; i++) {
            assertThat(s.cpuCoreOnline(i)).as("core %d online", i).isEqualTo(loads[i] >= 0);
            assertThat(s.cpuLoadPercent(i))
                    .as("core %d load", i)
                    .isEqualTo(loads[i] < 0 ? OptionalInt.empty() : OptionalInt.of(loads[i]));
            assertThat(s.cpuFrequencyMhz(i))
                    .as("core %d frequency", i)
                    .isEqualTo(freqs[i] < 0 ? OptionalInt.empty() : OptionalInt.of(freqs[i]));
        }
    }

    /** An engine with its load (-1: not printed) and single frequency (none when omitted). */
    private static void engine(EngineReading e, String name, int load, int... freq) {
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.off()).isFalse();
        assertThat(e.loadPercent()).isEqualTo(load < 0 ? OptionalInt.empty() : OptionalInt.of(load));
        assertThat(e.frequenciesMhz()).containsExactly(freq);
        assertThat(e.bracketed()).isFalse();
    }

    private static void gpuArray(TegrastatsSample s, int load, int... freqs) {
        EngineReading g = s.gpu().orElseThrow();
        assertThat(g.name()).isEqualTo("GR3D_FREQ");
        assertThat(g.loadPercent()).hasValue(load);
        assertThat(g.bracketed()).isTrue();
        assertThat(g.frequenciesMhz()).containsExactly(freqs);
    }

    /** Name, °C pairs in printed order; NaN expects a sentinel (absent). */
    private static void temps(TegrastatsSample s, Object... nameCelsius) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nameCelsius.length; i += 2) {
            names.add((String) nameCelsius[i]);
        }
        assertThat(s.temperatures()).extracting(TemperatureReading::sensor).containsExactlyElementsOf(names);
        for (int i = 0; i < nameCelsius.length; i += 2) {
            double c = (Double) nameCelsius[i + 1];
            assertThat(s.temperatureCelsius(i / 2)).as((String) nameCelsius[i]).isEqualByComparingTo(c); // NaN = NaN
            if (!Double.isNaN(c)) {
                assertThat(s.celsius(((String) nameCelsius[i]).toUpperCase(java.util.Locale.ROOT)))
                        .isEqualTo(c);
            }
        }
    }

    /** Rails written as {@code "NAME cur/avg"} or {@code "NAME cur/avg/max"}, in mW, in printed order. */
    private static void rails(TegrastatsSample s, RailUnit unit, String... expected) {
        assertThat(s.railCount()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            String[] nameValues = expected[i].split(" ", -1);
            String[] v = nameValues[1].split("/", -1);
            assertThat(s.railName(i)).isEqualTo(nameValues[0]);
            assertThat(s.railMilliwatts(i)).as(expected[i]).isEqualTo(Double.parseDouble(v[0]));
            assertThat(s.railAverageMilliwatts(i)).as(expected[i]).isEqualTo(Double.parseDouble(v[1]));
            assertThat(s.railMaxMilliwatts(i))
                    .as(expected[i])
                    .isEqualByComparingTo(v.length > 2 ? Double.parseDouble(v[2]) : Double.NaN); // NaN = NaN
            assertThat(s.railUnit(i)).isEqualTo(unit);
        }
    }
}
