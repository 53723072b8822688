package io.github.tokjoule.tegrastats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Hand-written lines: every shape of docs/reference/tegrastats-format.md §2, the malformed cases and the other kinds of line. */
class TegrastatsParserTest {

    /** The first line of the corpus AGX Orin R36 log. */
    static final String ORIN = Corpus.lines(Corpus.AGX_ORIN_LONG).get(0);

    private final TegrastatsParser parser = TegrastatsParser.create();

    private TegrastatsSample sample(String line) {
        ParsedLine p = parser.parse(line);
        assertThat(p.kind()).as("%s: %s", line, p).isEqualTo(LineKind.SAMPLE);
        assertThat(p.problem()).isEmpty();
        return p.sample().orElseThrow();
    }

    private String malformed(String line) {
        ParsedLine p = parser.parse(line);
        assertThat(p.kind()).as(line).isEqualTo(LineKind.MALFORMED);
        assertThat(p.sample()).isEmpty();
        return p.problem().orElseThrow();
    }

    private LineKind kind(String line) {
        return parser.parse(line).kind();
    }

    // ------------------------------------------------------------------ the issue's edge cases

    @Test
    void truncatedLinesAreMalformedWhereAKnownFieldIsCut() {
        // cut inside a value: the field cannot be complete
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("VDD_GPU_SOC") + "VDD_GPU_SOC 2801mW/".length())))
                .startsWith("rail VDD_GPU_SOC: expected a power value at column ");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("VDD_GPU_SOC") + "VDD_GPU_SOC 2801mW".length())))
                .startsWith("rail VDD_GPU_SOC: the running average after '/' is missing");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("cpu@") + "cpu@47.6".length())))
                .startsWith("temperature cpu: expected degrees followed by 'C'");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("1%@729,0%@729") + 3)))
                .startsWith("CPU: expected a frequency after '@'");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("[305,") + 5)))
                .startsWith("GR3D_FREQ: expected a frequency in the list");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("EMC_FREQ") + 8)))
                .startsWith("EMC_FREQ: no value (truncated line?)");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("62841") + 5))).startsWith("RAM: expected a unit");
        assertThat(malformed(ORIN.substring(0, ORIN.indexOf("(cached") + 9))).startsWith("SWAP: expected a unit");
        assertThat(malformed("10-26-2025 05:10:54")).startsWith("a timestamp with no fields after it");
        assertThat(malformed("10-26-2025 05:10:54 ")).startsWith("a timestamp with no fields after it");
        // cut at a token boundary after a complete field: a valid sample that lacks the later fields
        TegrastatsSample cut = sample(ORIN.substring(0, ORIN.indexOf(" VDD_CPU_CV")));
        assertThat(cut.railCount()).isEqualTo(1);
        // cut right after a rail name: the name is kept as an unknown token, the rail is missing
        TegrastatsSample name = sample(ORIN.substring(0, ORIN.indexOf(" 400mW/400mW")));
        assertThat(name.unknownTokens()).containsExactly(new UnknownToken("VDD_CPU_CV", "VDD_CPU_CV"));
        assertThat(name.milliwatts("VDD_CPU_CV")).isNaN();
    }

    @Test
    void theMalformedReasonNamesTheColumn() {
        // "RAM 6879/" : the total is expected at column 10
        assertThat(malformed("RAM 6879/")).isEqualTo("RAM: expected the total after '/' at column 10");
        // columns count from the start of the line, leading spaces included
        assertThat(malformed("  RAM x")).isEqualTo("RAM: expected used/total at column 7");
    }

    @Test
    void garbageTokensAreKeptAsUnknownTokens() {
        TegrastatsSample s = sample("RAM 1/2MB ### %%% garbage 12abc x@y @@ 12 -5 (foo) FOO N/A VDD_IN 3/4");
        assertThat(s.unknownTokens())
                .containsExactly(
                        new UnknownToken("###", "###"),
                        new UnknownToken("%%%", "%%%"),
                        new UnknownToken("garbage", "garbage 12abc"),
                        new UnknownToken("x@y", "x@y"),
                        new UnknownToken("@@", "@@"),
                        new UnknownToken("12", "12"),
                        new UnknownToken("-5", "-5"),
                        new UnknownToken("(foo)", "(foo)"),
                        new UnknownToken("FOO", "FOO"),
                        new UnknownToken("N/A", "N/A"));
        assertThat(s.unknownTokenCount()).isEqualTo(10);
        assertThat(s.milliwatts("VDD_IN")).isEqualTo(3);
        // a name followed by punctuation is kept with its value
        assertThat(sample("RAM 1/2MB FOO +3").unknownTokens()).containsExactly(new UnknownToken("FOO", "FOO +3"));
    }

    @Test
    void anUnknownNewEngineIsReadInEveryEngineForm() {
        TegrastatsSample s =
                sample("RAM 1/2MB NEWENG 12%@[3,off,N/A] DLA9_FREQ @1200 XYZ off NPU 7% NPU2 8%@900 QQQ 450");
        assertThat(s.engines())
                .containsExactly(
                        EngineReading.of("NEWENG", false, 12, new int[] {3, -1, -1}, true),
                        EngineReading.of("DLA9_FREQ", false, -1, new int[] {1200}, false),
                        EngineReading.of("XYZ", true, -1, new int[0], false),
                        EngineReading.of("NPU", false, 7, new int[0], false),
                        EngineReading.of("NPU2", false, 8, new int[] {900}, false),
                        EngineReading.of("QQQ", false, -1, new int[] {450}, false));
        EngineReading e = s.engine(0);
        assertThat(e.frequencyMhz(1)).isEmpty();
        assertThat(e.frequencyMhz(0)).hasValue(3);
        assertThat(e.frequencyCount()).isEqualTo(3);
        assertThat(e).hasToString("NEWENG 12%@[3,off,off]");
        assertThat(s.engine(2)).hasToString("XYZ off");
        assertThat(s.engine(3)).hasToString("NPU 7%");
        assertThat(s.engine(5)).hasToString("QQQ 450");
        assertThat(s.engine("nope")).isEmpty();
    }

    @Test
    void twoValuedTemperaturesAreCurrentAndMax() {
        TegrastatsSample s = sample("RAM 1/2MB cpu@52.968C/53.5C gpu@47C tj@-256C/-256C CPU-therm@45.5C");
        assertThat(s.temperatureCelsius(0)).isEqualTo(52.968);
        assertThat(s.temperatureMaxCelsius(0)).isEqualTo(53.5);
        assertThat(s.temperatureMaxCelsius(1)).isNaN();
        // a sentinel is kept as printed but absent
        assertThat(s.temperature(2)).isEqualTo(new TemperatureReading("tj", -256.0, Double.NaN, Double.NaN));
        assertThat(s.celsius("TJ")).isNaN();
        assertThat(s.celsius("CPU-THERM")).isEqualTo(45.5);
        assertThat(s.celsius("absent")).isNaN();
        assertThat(malformed("RAM 1/2MB cpu@52.9C/")).startsWith("temperature cpu: expected a second value");
        assertThat(malformed("RAM 1/2MB cpu@52.9C/53CX")).startsWith("temperature cpu: unexpected text");
        assertThat(malformed("RAM 1/2MB gpu@1e5C")).startsWith("temperature gpu: expected degrees");
        assertThat(malformed("RAM 1/2MB gpu@4.C")).startsWith("temperature gpu: expected degrees");
    }

    @Test
    void threeValuedRailsAreCurrentAverageAndMax() {
        TegrastatsSample s = sample("RAM 1/2MB VDD_GPU_SOC 5139mW/5100mW/6000mW VDD_CPU_CV 3268mW/3268mW");
        assertThat(s.rail(0)).isEqualTo(new RailReading("VDD_GPU_SOC", 5139, 5100, 6000, RailUnit.MILLIWATTS));
        assertThat(s.railMaxMilliwatts(1)).isNaN();
        assertThat(s.rails()).hasSize(2);
        assertThat(malformed("RAM 1/2MB VDD_IN 1/2/3/4")).startsWith("rail VDD_IN: unexpected text");
        assertThat(malformed("RAM 1/2MB VDD_IN 1mW/2mX")).startsWith("rail VDD_IN: expected 'mW'");
        assertThat(malformed("RAM 1/2MB VDD_IN 1/x")).startsWith("rail VDD_IN: expected a power value");
    }

    @Test
    void railsInWattsAndWithDecimalsAreMilliwatts() {
        TegrastatsSample s = sample("RAM 1/2MB VDD_IN 5.5W/5.25W VDD_SOC 1.5/2.5");
        // 5.5 W = 5500 mW; 5.25 W = 5250 mW
        assertThat(s.rail(0)).isEqualTo(new RailReading("VDD_IN", 5500, 5250, Double.NaN, RailUnit.WATTS));
        assertThat(s.railUnit(1)).isEqualTo(RailUnit.UNITLESS);
        assertThat(s.railAverageMilliwatts(1)).isEqualTo(2.5);
        // a decimal without a slash is not a rail: kept as unknown
        assertThat(sample("RAM 1/2MB FOO 1.5").unknownTokens()).containsExactly(new UnknownToken("FOO", "FOO 1.5"));
    }

    @Test
    void aWrapperThatPrefixesItsOwnTimestampIsKeptApart() {
        TegrastatsSample s = sample("05-15-2025 18:30:28.123456789 05-15-2025 18:30:28 RAM 6982/7620MB");
        assertThat(s.printedTime()).hasValue(LocalDateTime.of(2025, 5, 15, 18, 30, 28));
        assertThat(s.prefix()).hasValue("05-15-2025 18:30:28.123456789");
        TegrastatsSample iso = sample("[2025-05-15T18:30:28.5Z] RAM 6982/7620MB");
        assertThat(iso.printedTime()).isEmpty();
        assertThat(iso.prefix()).hasValue("[2025-05-15T18:30:28.5Z]");
        // a tegrastats stamp followed by another stamp is not the last one: everything is prefix
        TegrastatsSample two = sample("05-15-2025 18:30:28 12:00:01 RAM 1/2MB");
        assertThat(two.printedTime()).isEmpty();
        assertThat(two.prefix()).hasValue("05-15-2025 18:30:28 12:00:01");
        assertThat(sample(ORIN).prefix()).isEmpty();
    }

    @Test
    void lineEndsAndBomAreIgnored() {
        TegrastatsSample crlf = sample("RAM 1/2MB VDD_IN 3/4\r\n");
        assertThat(crlf.milliwatts("VDD_IN")).isEqualTo(3);
        assertThat(sample("RAM 1/2MB\r").ram()).isPresent();
        assertThat(sample("\uFEFFRAM 1/2MB\n").ram()).isPresent();
        assertThat(sample("RAM\t1/2MB\tVDD_IN\t3/4").milliwatts("VDD_IN")).isEqualTo(3);
    }

    // ------------------------------------------------------------------ every field form

    @Test
    void timestampsAreValidated() {
        assertThat(malformed("13-45-2025 10:00:00 RAM 1/2MB")).startsWith("invalid date in the timestamp");
        assertThat(malformed("02-30-2025 10:00:00 RAM 1/2MB")).startsWith("invalid date");
        assertThat(malformed("01-01-2025 24:00:00 RAM 1/2MB")).startsWith("invalid time of day");
        assertThat(malformed("01-01-2025 10:60:00 RAM 1/2MB")).startsWith("invalid time of day");
        assertThat(malformed("01-01-2025 10:00:60 RAM 1/2MB")).startsWith("invalid time of day");
        assertThat(malformed("10-26-2025 05:10:54 hello")).startsWith("unrecognised first field after");
        // month first: 10-26 is October 26 (SOURCES.md); two lines of the same day reuse the date
        assertThat(sample("02-29-2024 23:59:59 RAM 1/2MB").printedTime())
                .hasValue(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(sample("02-29-2024 00:00:00 RAM 1/2MB").printedTime())
                .hasValue(LocalDateTime.of(2024, 2, 29, 0, 0, 0));
    }

    @Test
    void memoryFieldsKeepTheirUnits() {
        TegrastatsSample s = sample("RAM 1/2GB (lfb 4kB) SWAP 3/4KB (cached 5B) IRAM 6/7B(lfb 8MB)");
        assertThat(s.ram()).hasValue(new MemoryUsage(1, 2, SizeUnit.GIGABYTES));
        assertThat(s.ram().orElseThrow().totalMegabytes()).isEqualTo(2048.0);
        assertThat(s.ram().orElseThrow().usedKilobytes()).isEqualTo(1024.0 * 1024);
        assertThat(s.ramLargestFreeBlock()).hasValue(new BlockSize(OptionalLong.empty(), 4, SizeUnit.KILOBYTES));
        assertThat(s.swap()).hasValue(new MemoryUsage(3, 4, SizeUnit.KILOBYTES));
        assertThat(s.swap().orElseThrow().totalKilobytes()).isEqualTo(4.0);
        assertThat(s.swap().orElseThrow().usedMegabytes()).isEqualTo(3.0 / 1024);
        assertThat(s.swapCached()).hasValue(new BlockSize(OptionalLong.empty(), 5, SizeUnit.BYTES));
        assertThat(s.swapCached().orElseThrow().sizeMegabytes()).isEqualTo(5.0 / (1 << 20));
        assertThat(s.iram()).hasValue(new MemoryUsage(6, 7, SizeUnit.BYTES));
        assertThat(s.iramLargestFreeBlock()).hasValue(new BlockSize(OptionalLong.empty(), 8, SizeUnit.MEGABYTES));
        assertThat(SizeUnit.MEGABYTES.symbol()).isEqualTo("MB");
        assertThat(SizeUnit.KILOBYTES.bytes()).isEqualTo(1024);
        assertThat(malformed("RAM 1/2MB IRAM 6/7B(lfb 8x9MB)")).startsWith("IRAM: unexpected block count");
        assertThat(malformed("RAM 1/2XB")).startsWith("RAM: expected a unit");
        assertThat(malformed("RAM 1/2")).startsWith("RAM: expected a unit");
        assertThat(malformed("RAM 1/2MBX")).startsWith("RAM: unexpected text after the unit");
        assertThat(malformed("RAM 1-2MB")).startsWith("RAM: expected '/'");
        assertThat(malformed("RAM 1/2MB (cached 3MB)")).startsWith("RAM: expected '(lfb'");
        assertThat(malformed("RAM 1/2MB SWAP 1/2MB (lfb 3MB)")).startsWith("SWAP: expected '(cached'");
        assertThat(malformed("RAM 1/2MB (lfb x)")).startsWith("RAM: expected a size");
        assertThat(malformed("RAM 1/2MB (lfb 3x)")).startsWith("RAM: expected a block size");
        assertThat(malformed("RAM 1/2MB (lfb 3x4)")).startsWith("RAM: expected a unit in the parentheses");
        assertThat(malformed("RAM 1/2MB (lfb 3x4MB")).startsWith("RAM: expected ')'");
        assertThat(malformed("RAM 1/2MB (lfb 3x4MB)x")).startsWith("RAM: unexpected text after ')'");
        assertThat(malformed("SWAP 1/2MB SWAP 1/2MB")).startsWith("SWAP printed twice");
        assertThat(malformed("RAM 123456789012345678901234567890/2MB")).startsWith("RAM: expected used/total");
        assertThat(malformed("RAM 1/123456789012345678901234567890MB")).startsWith("RAM: expected the total");
        assertThat(sample("SWAP 1/2MB").ram()).isEmpty();
    }

    @Test
    void cpuCoresKeepTheirPositionAndLegacyFrequency() {
        TegrastatsSample s = sample("RAM 1/2MB CPU [2%@345,off,off,5%@2035]");
        assertThat(s.cpuCores())
                .containsExactly(
                        new CpuCore(0, true, OptionalInt.of(2), OptionalInt.of(345)),
                        new CpuCore(1, false, OptionalInt.empty(), OptionalInt.empty()),
                        new CpuCore(2, false, OptionalInt.empty(), OptionalInt.empty()),
                        new CpuCore(3, true, OptionalInt.of(5), OptionalInt.of(2035)));
        assertThat(s.cpuSharedFrequencyMhz()).isEmpty();
        TegrastatsSample legacy = sample("RAM 1/2MB cpu [10%,off,5%]@1734 EMC 1%@408 GR3D 3%@76");
        assertThat(legacy.cpuFrequencyMhz(0)).hasValue(1734);
        assertThat(legacy.cpuFrequencyMhz(1)).isEmpty();
        assertThat(legacy.cpuSharedFrequencyMhz()).hasValue(1734);
        assertThat(legacy.emc().orElseThrow().name()).isEqualTo("EMC");
        assertThat(legacy.gpu().orElseThrow().name()).isEqualTo("GR3D");
        // a load without frequency and no shared frequency
        assertThat(sample("RAM 1/2MB CPU [10%]").cpuFrequencyMhz(0)).isEmpty();
        // a CPU line may come first, and a large list is fine
        assertThat(sample("CPU [" + "1%@2,".repeat(99) + "1%@2]").cpuCoreCount())
                .isEqualTo(100);
        assertThat(malformed("RAM 1/2MB CPU [x]")).startsWith("CPU: expected 'N%'");
        assertThat(malformed("RAM 1/2MB CPU [1]")).startsWith("CPU: expected 'N%'");
        assertThat(malformed("RAM 1/2MB CPU [1%@]")).startsWith("CPU: expected a frequency after '@'");
        assertThat(malformed("RAM 1/2MB CPU [1%;2%]")).startsWith("CPU: expected ',' or ']'");
        assertThat(malformed("RAM 1/2MB CPU [1%]@")).startsWith("CPU: expected the shared frequency");
        assertThat(malformed("RAM 1/2MB CPU [1%]x")).startsWith("CPU: unexpected text after the list");
        assertThat(malformed("RAM 1/2MB CPU [1%] CPU [1%]")).startsWith("CPU printed twice");
        assertThat(malformed("RAM 1/2MB CPU [1234567890%]")).startsWith("CPU: load too long");
        assertThat(malformed("RAM 1/2MB CPU [" + "1%,".repeat(LineScanner.MAX_ITEMS) + "1%]"))
                .startsWith("CPU: more than 4096 cores");
    }

    @Test
    void theAgxXavierCpuAndGpuRailsAreNotTheCpuList() {
        TegrastatsSample s = sample("RAM 1/2MB CPU [1%@1190] GPU@30.5C GPU 463/463 CPU 618/618 cpu 5/6");
        assertThat(s.cpuCoreCount()).isEqualTo(1);
        assertThat(s.celsius("GPU")).isEqualTo(30.5);
        assertThat(s.milliwatts("GPU")).isEqualTo(463);
        assertThat(s.milliwatts("CPU")).isEqualTo(618);
        assertThat(s.milliwatts("cpu")).isEqualTo(5);
        assertThat(s.railIndex("CPU")).hasValue(1);
        assertThat(s.railIndex("nope")).isEmpty();
    }

    @Test
    void theSixGpuForms() {
        assertThat(sample("RAM 1/2MB GR3D_FREQ 4%").gpu().orElseThrow())
                .isEqualTo(EngineReading.of("GR3D_FREQ", false, 4, new int[0], false));
        assertThat(sample("RAM 1/2MB GR3D_FREQ 0%@76").gpu().orElseThrow())
                .isEqualTo(EngineReading.of("GR3D_FREQ", false, 0, new int[] {76}, false));
        assertThat(sample("RAM 1/2MB GR3D_FREQ 0%@[305,0]").gpu().orElseThrow())
                .isEqualTo(EngineReading.of("GR3D_FREQ", false, 0, new int[] {305, 0}, true));
        assertThat(sample("RAM 1/2MB GR3D_FREQ @[1574,1574,1574]").gpu().orElseThrow())
                .isEqualTo(EngineReading.of("GR3D_FREQ", false, -1, new int[] {1574, 1574, 1574}, true));
        assertThat(sample("RAM 1/2MB GR3D_FREQ @1300").gpu().orElseThrow())
                .isEqualTo(EngineReading.of("GR3D_FREQ", false, -1, new int[] {1300}, false));
        assertThat(sample("RAM 1/2MB EMC_FREQ 0%").gpu()).isEmpty();
        // off/N/A items of third-party fixtures are tolerated
        assertThat(sample("RAM 1/2MB GR3D_FREQ 0%@[off,N/A]")
                        .gpu()
                        .orElseThrow()
                        .frequencyMhz())
                .isEmpty();
        assertThat(sample("GR3D_FREQ off").gpu().orElseThrow().off()).isTrue();
        assertThat(EngineReading.of("G", false, -1, new int[] {}, true)).hasToString("G @[]");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ 1%x")).startsWith("GR3D_FREQ: expected '@' or the end");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @")).startsWith("GR3D_FREQ: no frequency after '@'");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @x")).startsWith("GR3D_FREQ: expected a frequency in MHz");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @12x")).startsWith("GR3D_FREQ: expected a frequency in MHz");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @1234567890")).startsWith("GR3D_FREQ: frequency too long");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @[1234567890]")).startsWith("GR3D_FREQ: frequency too long");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @[1;2]")).startsWith("GR3D_FREQ: unclosed frequency list");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @[1]x")).startsWith("GR3D_FREQ: unexpected text after");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ 1234567890%")).startsWith("GR3D_FREQ: load too long");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ 12ab")).startsWith("GR3D_FREQ: unexpected value");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ abc")).startsWith("GR3D_FREQ: expected a load or a frequency");
        assertThat(malformed("RAM 1/2MB EMC_FREQ 1234567890")).startsWith("EMC_FREQ: number too long");
        assertThat(malformed("RAM 1/2MB GR3D_FREQ @[" + "1,".repeat(LineScanner.MAX_ITEMS) + "1]"))
                .startsWith("GR3D_FREQ: more than 4096 frequencies");
    }

    @Test
    void thorForms() {
        TegrastatsSample s = sample("08-01-2025 10:00:00 RAM 1/2MB CPU [1%@2,off] GR3D_FREQ @[1574,1574,1574] "
                + "NVENC0_FREQ @1000 NVENC1_FREQ @1000 OFA_FREQ @800 PVA0_FREQ off VIC 5%@300 "
                + "cpu@50.1C/52.3C soc012@40C soc345@41C VDD_GPU 100mW/200mW/300mW VIN 5000mW/5000mW/6000mW");
        assertThat(s.engine("NVENC0_FREQ").orElseThrow().frequencyMhz()).hasValue(1000);
        assertThat(s.engine("PVA0_FREQ").orElseThrow().off()).isTrue();
        assertThat(s.celsius("soc345")).isEqualTo(41);
        assertThat(s.railMaxMilliwatts(1)).isEqualTo(6000);
    }

    @Test
    void mtsAndLegacyFields() {
        TegrastatsSample s = sample("RAM 1/2MB MTS fg 1% bg 9% EDP limit 1734 AVP 0%@80 MSENC 192");
        assertThat(s.mtsForegroundPercent()).hasValue(1);
        assertThat(s.mtsBackgroundPercent()).hasValue(9);
        assertThat(s.unknownTokens()).containsExactly(new UnknownToken("EDP limit", "EDP limit 1734"));
        assertThat(s.engine("AVP").orElseThrow().loadPercent()).hasValue(0);
        assertThat(s.engine("MSENC").orElseThrow().frequencyMhz()).hasValue(192);
        // MTS and EDP in other forms fall back to the generic rules
        assertThat(sample("RAM 1/2MB MTS 5").engine("MTS").orElseThrow().frequencyMhz())
                .hasValue(5);
        assertThat(sample("RAM 1/2MB EDP 5").engine("EDP").orElseThrow().frequencyMhz())
                .hasValue(5);
        assertThat(sample("RAM 1/2MB EDP limit x").unknownTokens())
                .extracting(UnknownToken::name)
                .containsExactly("EDP", "limit", "x");
        assertThat(malformed("RAM 1/2MB MTS fg 1%")).startsWith("MTS: expected 'bg N%'");
        assertThat(malformed("RAM 1/2MB MTS fg 1% bg")).startsWith("MTS: expected 'bg N%'");
        assertThat(malformed("RAM 1/2MB MTS fg x bg 1%")).startsWith("MTS: expected 'fg N%'");
        assertThat(malformed("RAM 1/2MB MTS fg 1%x bg 1%")).startsWith("MTS: expected 'fg N%'");
        assertThat(malformed("RAM 1/2MB MTS fg 1% bg 2% MTS fg 1% bg 2%")).startsWith("MTS printed twice");
    }

    @Test
    void duplicatesAndTooManyItems() {
        TegrastatsSample nc = sample("RAM 1/2MB NC 0mW/0mW VDD_IN 1mW/1mW NC 5mW/0mW");
        assertThat(nc.rails()).extracting(RailReading::name).containsExactly("NC", "VDD_IN", "NC");
        assertThat(nc.milliwatts("NC")).isEqualTo(0);
        assertThat(malformed("RAM 1/2MB" + " R 1/1".repeat(LineScanner.MAX_ITEMS + 1)))
                .startsWith("more than 4096 rails");
        assertThat(malformed("RAM 1/2MB" + " t@1C".repeat(LineScanner.MAX_ITEMS + 1)))
                .startsWith("more than 4096 temperatures");
        assertThat(malformed("RAM 1/2MB" + " E 1".repeat(LineScanner.MAX_ITEMS + 1)))
                .startsWith("more than 4096 engine fields");
        assertThat(malformed("RAM 1/2MB" + " #".repeat(LineScanner.MAX_ITEMS + 1)))
                .startsWith("more than 4096 unknown tokens");
        // many distinct names: the intern table stops growing, the parser goes on
        StringBuilder b = new StringBuilder("RAM 1/2MB");
        for (int i = 0; i < 2 * NameTable.MAX_ENTRIES; i++) {
            b.append(" R").append(i).append(" 1/1");
        }
        assertThat(sample(b.toString()).railCount()).isEqualTo(2 * NameTable.MAX_ENTRIES);
        assertThat(sample(b.toString()).railName(2 * NameTable.MAX_ENTRIES - 1))
                .isEqualTo("R" + (2 * NameTable.MAX_ENTRIES - 1));
    }

    @Test
    void namesAreSharedBetweenSamplesOfOneParser() {
        TegrastatsSample a = sample(ORIN);
        TegrastatsSample b = sample(Corpus.lines(Corpus.AGX_ORIN_LONG).get(1));
        assertThat(b.railName(0)).isSameAs(a.railName(0));
        assertThat(b.temperatureSensor(0)).isSameAs(a.temperatureSensor(0));
        assertThat(b.engine(0).name()).isSameAs(a.engine(0).name());
    }

    // ------------------------------------------------------------------ other lines

    @Test
    void linesThatAreNotTegrastatsAreClassified() {
        assertThat(kind("")).isEqualTo(LineKind.BLANK);
        assertThat(kind(" \t \r\n")).isEqualTo(LineKind.BLANK);
        assertThat(kind("Tue Jan 26 18:22:31 UTC 2021")).isEqualTo(LineKind.DATE_HEADER);
        assertThat(kind("thu dec 17 18:16:50 UTC 2020")).isEqualTo(LineKind.DATE_HEADER);
        assertThat(kind("2021-01-26T18:22:31Z")).isEqualTo(LineKind.DATE_HEADER);
        assertThat(kind("2021-01-26 18:22:31")).isEqualTo(LineKind.DATE_HEADER);
        assertThat(kind("[sudo] password for nvidia:")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("Password:")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("nvidia@jetson:~$ tegrastats --interval 500")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("(venv) nvidia@jetson:~/work$")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("root@jetson:/# tegrastats")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("$ ls")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("#")).isEqualTo(LineKind.SHELL_PROMPT);
        assertThat(kind("42")).isEqualTo(LineKind.OTHER);
        assertThat(kind("^C")).isEqualTo(LineKind.OTHER);
        assertThat(kind("Mon Foo 1")).isEqualTo(LineKind.OTHER);
        assertThat(kind("Monday Jan")).isEqualTo(LineKind.OTHER);
        assertThat(kind("$x")).isEqualTo(LineKind.OTHER);
        assertThat(kind("a@b c")).isEqualTo(LineKind.OTHER);
        assertThat(kind("a@b$ c")).isEqualTo(LineKind.OTHER);
        assertThat(kind("user@host:x")).isEqualTo(LineKind.OTHER);
        assertThat(kind("Starting tegrastats")).isEqualTo(LineKind.OTHER);
        assertThat(kind("ram 1/2MB")).isEqualTo(LineKind.OTHER);
        // a line starting with any known first field is a tegrastats line
        for (String first : List.of(
                "RAM 1/2MB",
                "SWAP 1/2MB",
                "IRAM 1/2kB",
                "CPU [1%]",
                "cpu [1%]@2",
                "EMC 1%",
                "EMC_FREQ 1%",
                "GR3D 1%",
                "GR3D_FREQ 1%")) {
            assertThat(kind(first)).as(first).isEqualTo(LineKind.SAMPLE);
        }
    }

    @Test
    void parseSampleAndArguments() {
        assertThat(TegrastatsParser.parseSample(ORIN).railCount()).isEqualTo(4);
        assertThatThrownBy(() -> TegrastatsParser.parseSample("RAM 6879/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a tegrastats sample (RAM: expected the total after '/' at column 10): RAM 6879/");
        assertThatThrownBy(() -> TegrastatsParser.parseSample("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a tegrastats sample (OTHER): hello");
        assertThatThrownBy(() -> parser.parse("RAM 1/2MB", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse("RAM 1/2MB", 0, -1)).isInstanceOf(IllegalArgumentException.class);
        ParsedLine p = parser.parse(new StringBuilder("RAM 1/2MB VDD_IN 3/4"), 7, 3);
        TegrastatsSample s = p.sample().orElseThrow();
        assertThat(s.lineNumber()).isEqualTo(7);
        assertThat(s.sequence()).isEqualTo(3);
        assertThat(p).hasToString("ParsedLine[SAMPLE]");
        assertThat(parser.parse("RAM x")).hasToString("ParsedLine[MALFORMED: RAM: expected used/total at column 5]");
        // a line longer than the scratch buffer grows it
        assertThat(parser.parse("RAM 1/2MB" + " ".repeat(5000) + "VDD_IN 1/2")
                        .sample()
                        .orElseThrow()
                        .railCount())
                .isEqualTo(1);
    }

    @Test
    void samplesCompareByValue() {
        TegrastatsSample a =
                TegrastatsParser.create().parse(ORIN, 1, 0).sample().orElseThrow();
        TegrastatsSample b =
                TegrastatsParser.create().parse(ORIN, 1, 0).sample().orElseThrow();
        TegrastatsSample c =
                TegrastatsParser.create().parse(ORIN, 2, 0).sample().orElseThrow();
        assertThat(a)
                .isEqualTo(b)
                .hasSameHashCodeAs(b)
                .isNotEqualTo(c)
                .isEqualTo(a)
                .isNotEqualTo("x");
        assertThat(a.toString())
                .startsWith("TegrastatsSample[line 1, 2025-10-26T05:10:54, RAM 6879/62841, 12 cores, 12 engines, "
                        + "8 temperatures, rails VDD_GPU_SOC=2801mW");
        TegrastatsSample other = sample("EMC_FREQ 1%");
        assertThat(other.toString()).isEqualTo("TegrastatsSample[line 0, 0 cores, 1 engines, 0 temperatures, rails]");
        assertThat(a.engine(0)).isNotEqualTo(a.engine(1)).isNotEqualTo("x");
        assertThat(a.engine(0)).isEqualTo(a.engine(0)).hasSameHashCodeAs(a.engine(0));
        assertThat(a.engines()).hasSize(12);
        assertThat(a.temperatures()).hasSize(8);
        assertThat(a.cpuCores()).hasSize(12);
        assertThatThrownBy(() -> EngineReading.of("x", false, -2, new int[0], false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loadPercent");
        assertThatThrownBy(() -> EngineReading.of("x", false, 1, new int[] {-2}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequenciesMhz");
        int[] freqs = {1, 2};
        EngineReading e = EngineReading.of("x", false, 1, freqs, true);
        freqs[0] = 9;
        assertThat(e.frequenciesMhz()).containsExactly(1, 2);
    }
}
