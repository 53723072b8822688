package io.github.tokjoule.tegrastats;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One tegrastats line, parsed: every field in the order and the units printed, nothing converted away.
 *
 * <p>Any field may be absent (board, release, root or not, engine idle): absent fields give an empty
 * {@code Optional} (an object), {@code NaN} (a number), a count of 0 or an empty list. Lists keep the printed order and keep duplicates (an AGX Orin R35
 * line prints the rail {@code NC} twice). The numbers are stored packed in three primitive arrays, so the indexed
 * accessors ({@link #railMilliwatts(int)}, {@link #temperatureCelsius(int)}) never allocate; the record views
 * ({@link #rails()}, {@link #temperatures()}, …) are built on demand.
 *
 * <p>Instances are immutable and thread-safe. They come from {@link TegrastatsParser} or {@link TegrastatsReader}.
 *
 * @since 0.1.0
 */
public final class TegrastatsSample {

    /**
     * Temperatures at or below this value (°C) are sentinels for an absent or powered-off sensor (tegrastats prints
     * {@code -256C}); no Jetson operates below −100 °C.
     */
    public static final double SENTINEL_MAX_CELSIUS = -100.0;

    static final long NO_TIME = Long.MIN_VALUE;
    static final byte ENGINE_OFF = 1;
    static final byte ENGINE_BRACKETED = 2;
    private static final RailUnit[] RAIL_UNITS = RailUnit.values();
    private static final String[] NO_STRINGS = new String[0];
    private static final double[] NO_DOUBLES = new double[0];
    private static final byte[] NO_BYTES = new byte[0];
    private static final SizeUnit[] SIZE_UNITS = SizeUnit.values();

    private final long lineNumber;
    private final long sequence;
    private final long printedLocalSecond;
    private final @Nullable String prefix;

    // Memory fields: value -1 = absent; units are SizeUnit ordinals, -1 = absent.
    private final long ramUsed;
    private final long ramTotal;
    private final byte ramUnit;
    private final long ramLfbCount;
    private final long ramLfbSize;
    private final byte ramLfbUnit;
    private final long swapUsed;
    private final long swapTotal;
    private final byte swapUnit;
    private final long swapCached;
    private final byte swapCachedUnit;
    private final long iramUsed;
    private final long iramTotal;
    private final byte iramUnit;
    private final long iramLfbSize;
    private final byte iramLfbUnit;

    private final int cpuSharedFreq; // legacy form, -1 = none
    private final int mtsForeground;
    private final int mtsBackground;

    // The lists are packed, one after the other, in three arrays: a sample makes three arrays, not some twenty (the
    // names are the scanner's, often shared with the previous sample). The lengths come from cpuCount and the names;
    // the *At methods below give each list's offset, so only they know the layout.
    private final int cpuCount;
    private final String[] engineNames;
    private final String[] tempNames;
    private final String[] railNames;

    /**
     * Per core its load (-1 = off), then per core its frequency (-1 = not printed); per engine its load, then per
     * engine the start of its frequencies (one more, the end), then every engine's frequencies.
     */
    private final int[] ints;

    /**
     * Per temperature its current value, then its maximum (NaN = not printed); per rail its current value, then its
     * average, then its maximum (NaN = not printed).
     */
    private final double[] doubles;

    /** Per engine its flags ({@link #ENGINE_OFF}, {@link #ENGINE_BRACKETED}), then per rail its unit's ordinal. */
    private final byte[] bytes;

    private final String[] unknownNames;
    private final String[] unknownTexts;

    TegrastatsSample(LineScanner s, long lineNumber, long sequence) {
        this.lineNumber = lineNumber;
        this.sequence = sequence;
        this.printedLocalSecond = s.printedLocalSecond;
        this.prefix = s.prefix;
        this.ramUsed = s.mem[LineScanner.RAM_USED];
        this.ramTotal = s.mem[LineScanner.RAM_TOTAL];
        this.ramUnit = (byte) s.mem[LineScanner.RAM_UNIT];
        this.ramLfbCount = s.mem[LineScanner.RAM_LFB_COUNT];
        this.ramLfbSize = s.mem[LineScanner.RAM_LFB_SIZE];
        this.ramLfbUnit = (byte) s.mem[LineScanner.RAM_LFB_UNIT];
        this.swapUsed = s.mem[LineScanner.SWAP_USED];
        this.swapTotal = s.mem[LineScanner.SWAP_TOTAL];
        this.swapUnit = (byte) s.mem[LineScanner.SWAP_UNIT];
        this.swapCached = s.mem[LineScanner.SWAP_CACHED];
        this.swapCachedUnit = (byte) s.mem[LineScanner.SWAP_CACHED_UNIT];
        this.iramUsed = s.mem[LineScanner.IRAM_USED];
        this.iramTotal = s.mem[LineScanner.IRAM_TOTAL];
        this.iramUnit = (byte) s.mem[LineScanner.IRAM_UNIT];
        this.iramLfbSize = s.mem[LineScanner.IRAM_LFB_SIZE];
        this.iramLfbUnit = (byte) s.mem[LineScanner.IRAM_LFB_UNIT];
        this.cpuSharedFreq = s.cpuSharedFreq;
        this.mtsForeground = s.mtsForeground;
        this.mtsBackground = s.mtsBackground;
        this.cpuCount = s.cpuCount;
        this.engineNames = s.engineNamesSnapshot();
        this.tempNames = s.tempNamesSnapshot();
        this.railNames = s.railNamesSnapshot();
        // From here the *At methods give this sample's layout: the name arrays are as long as the counts.

        int engines = s.engineCount;
        int freqs = s.engineFreqStart[engines];
        int[] i = new int[engineFreqAt(freqs)]; // never empty: the engine frequency starts have one more than engines
        System.arraycopy(s.cpuLoad, 0, i, cpuLoadAt(0), cpuCount);
        System.arraycopy(s.cpuFreq, 0, i, cpuFreqAt(0), cpuCount);
        System.arraycopy(s.engineLoad, 0, i, engineLoadAt(0), engines);
        System.arraycopy(s.engineFreqStart, 0, i, engineFreqStartAt(0), engines + 1);
        System.arraycopy(s.engineFreqs, 0, i, engineFreqAt(0), freqs);
        this.ints = i;

        int temps = s.tempCount;
        int rails = s.railCount;
        double[] d = rails + temps == 0 ? NO_DOUBLES : new double[railMaxAt(rails)];
        System.arraycopy(s.tempCurrent, 0, d, tempCurrentAt(0), temps);
        System.arraycopy(s.tempMax, 0, d, tempMaxAt(0), temps);
        System.arraycopy(s.railCurrent, 0, d, railCurrentAt(0), rails);
        System.arraycopy(s.railAverage, 0, d, railAverageAt(0), rails);
        System.arraycopy(s.railMax, 0, d, railMaxAt(0), rails);
        this.doubles = d;

        byte[] b = rails + engines == 0 ? NO_BYTES : new byte[railUnitAt(rails)];
        System.arraycopy(s.engineFlags, 0, b, engineFlagsAt(0), engines);
        System.arraycopy(s.railUnits, 0, b, railUnitAt(0), rails);
        this.bytes = b;

        this.unknownNames = s.unknownCount == 0 ? NO_STRINGS : Arrays.copyOf(s.unknownNames, s.unknownCount);
        this.unknownTexts = s.unknownCount == 0 ? NO_STRINGS : Arrays.copyOf(s.unknownTexts, s.unknownCount);
    }

    // ---------------------------------------------------------------- layout of the packed arrays

    private int cpuLoadAt(int core) {
        return core;
    }

    private int cpuFreqAt(int core) {
        return cpuCount + core;
    }

    private int engineLoadAt(int engine) {
        return 2 * cpuCount + engine;
    }

    /** Engine {@code e}'s frequencies are {@code engineFreqAt(start(e))} up to {@code engineFreqAt(start(e + 1))}. */
    private int engineFreqStartAt(int engine) {
        return 2 * cpuCount + engineNames.length + engine;
    }

    /** The {@code k}-th frequency of all engines together. */
    private int engineFreqAt(int k) {
        return 2 * cpuCount + 2 * engineNames.length + 1 + k;
    }

    private int tempCurrentAt(int temperature) {
        return temperature;
    }

    private int tempMaxAt(int temperature) {
        return tempNames.length + temperature;
    }

    private int railCurrentAt(int rail) {
        return 2 * tempNames.length + rail;
    }

    private int railAverageAt(int rail) {
        return 2 * tempNames.length + railNames.length + rail;
    }

    private int railMaxAt(int rail) {
        return 2 * tempNames.length + 2 * railNames.length + rail;
    }

    private int engineFlagsAt(int engine) {
        return engine;
    }

    private int railUnitAt(int rail) {
        return engineNames.length + rail;
    }

    // Packed, an index past one list would read the next one: every public accessor checks its index first.

    private int checkedCore(int core) {
        return Objects.checkIndex(core, cpuCount);
    }

    private int checkedEngine(int engine) {
        return Objects.checkIndex(engine, engineNames.length);
    }

    private int checkedTemperature(int temperature) {
        return Objects.checkIndex(temperature, tempNames.length);
    }

    private int checkedRail(int rail) {
        return Objects.checkIndex(rail, railNames.length);
    }

    // ---------------------------------------------------------------- line

    /** {@return the 1-based number of the line in its input, or 0 for a line parsed on its own} */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * Returns the position of this line among the tegrastats lines of its input (samples and malformed lines, from
     * 0). Each tegrastats line is one sampling period, so a malformed line that yields no sample still occupies its
     * period: sample-time reconstruction counts periods with this number, not with the sample index.
     *
     * @return the 0-based sequence number; 0 for a line parsed on its own
     */
    public long sequence() {
        return sequence;
    }

    /**
     * Returns the timestamp tegrastats printed at the start of the line (JetPack 5 and later), {@code MM-DD-YYYY
     * HH:MM:SS} in the device's local time, without a zone. Resolve it only with the device's zone (see
     * {@link TegrastatsLog#times}).
     *
     * @return the naive local timestamp, 1 s resolution, or empty when none was printed
     */
    public Optional<LocalDateTime> printedTime() {
        return printedLocalSecond == NO_TIME
                ? Optional.empty()
                : Optional.of(LocalDateTime.ofEpochSecond(printedLocalSecond, 0, ZoneOffset.UTC));
    }

    /** {@return the printed timestamp as seconds since 1970-01-01T00:00 local time, or {@link #NO_TIME}} */
    long printedLocalSecond() {
        return printedLocalSecond;
    }

    /**
     * The rail names, shared (the same array) by consecutive samples of one reader whose rails have the same names
     * at the same positions; never modified. {@link TegrastatsLog.Builder} resolves its columns once per array.
     */
    String[] railNameArray() {
        return railNames;
    }

    /** The sensor names, shared as {@link #railNameArray()} is; never modified. */
    String[] temperatureNameArray() {
        return tempNames;
    }

    /**
     * Returns the text a wrapper printed before the tegrastats fields and before tegrastats' own timestamp, e.g. a
     * {@code MM-DD-YYYY HH:MM:SS.NNNNNNNNN} stamp of its own. It is kept, not interpreted.
     *
     * @return the prefix, without surrounding spaces, or empty
     */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    // ---------------------------------------------------------------- memory

    /** {@return {@code RAM used/total} in the printed unit (megabytes on every known release)} */
    public Optional<MemoryUsage> ram() {
        return memory(ramUsed, ramTotal, ramUnit);
    }

    /** {@return the largest free RAM blocks {@code (lfb NxS)}: the count and the size of each block} */
    public Optional<BlockSize> ramLargestFreeBlock() {
        return block(ramLfbCount, ramLfbSize, ramLfbUnit);
    }

    /** {@return {@code SWAP used/total}, absent when the board has no swap} */
    public Optional<MemoryUsage> swap() {
        return memory(swapUsed, swapTotal, swapUnit);
    }

    /** {@return the cached swap {@code (cached N MB)}; it has no block count} */
    public Optional<BlockSize> swapCached() {
        return block(-1, swapCached, swapCachedUnit);
    }

    /** {@return {@code IRAM used/total} (TX1 and Nano as root), in kilobytes as printed} */
    public Optional<MemoryUsage> iram() {
        return memory(iramUsed, iramTotal, iramUnit);
    }

    /** {@return the largest free IRAM block {@code (lfb N kB)}; it has no block count} */
    public Optional<BlockSize> iramLargestFreeBlock() {
        return block(-1, iramLfbSize, iramLfbUnit);
    }

    private static Optional<MemoryUsage> memory(long used, long total, byte unit) {
        return unit < 0 ? Optional.empty() : Optional.of(new MemoryUsage(used, total, SIZE_UNITS[unit]));
    }

    private static Optional<BlockSize> block(long count, long size, byte unit) {
        return unit < 0
                ? Optional.empty()
                : Optional.of(new BlockSize(
                        count < 0 ? OptionalLong.empty() : OptionalLong.of(count), size, SIZE_UNITS[unit]));
    }

    // ---------------------------------------------------------------- CPU, MTS

    /** {@return the number of cores printed, {@code off} cores included; 0 when there is no CPU field} */
    public int cpuCoreCount() {
        return cpuCount;
    }

    /**
     * Tells whether a core was online.
     *
     * @param core the 0-based position in the printed list
     * @return {@code false} when the core was printed as {@code off}
     * @throws IndexOutOfBoundsException if {@code core} is not below {@link #cpuCoreCount()}
     */
    public boolean cpuCoreOnline(int core) {
        return ints[cpuLoadAt(checkedCore(core))] >= 0;
    }

    /**
     * Returns the load of a core.
     *
     * @param core the 0-based position in the printed list
     * @return the load in percent; empty for an {@code off} core
     * @throws IndexOutOfBoundsException if {@code core} is not below {@link #cpuCoreCount()}
     */
    public OptionalInt cpuLoadPercent(int core) {
        int v = ints[cpuLoadAt(checkedCore(core))];
        return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /**
     * Returns the frequency of a core. In the legacy {@code cpu [a%,b%]@F} form every online core has the shared
     * frequency {@code F}.
     *
     * @param core the 0-based position in the printed list
     * @return the frequency in MHz; empty for an {@code off} core or when none was printed
     * @throws IndexOutOfBoundsException if {@code core} is not below {@link #cpuCoreCount()}
     */
    public OptionalInt cpuFrequencyMhz(int core) {
        int v = ints[cpuFreqAt(checkedCore(core))];
        return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** {@return the shared frequency of the legacy {@code cpu [..]@F} form (TX1 R28.1 and older)} */
    public OptionalInt cpuSharedFrequencyMhz() {
        return cpuSharedFreq < 0 ? OptionalInt.empty() : OptionalInt.of(cpuSharedFreq);
    }

    /** {@return every core in printed order} */
    public List<CpuCore> cpuCores() {
        List<CpuCore> cores = new ArrayList<>(cpuCount);
        for (int i = 0; i < cpuCount; i++) {
            cores.add(new CpuCore(i, cpuCoreOnline(i), cpuLoadPercent(i), cpuFrequencyMhz(i)));
        }
        return Collections.unmodifiableList(cores);
    }

    /** {@return the foreground time of {@code MTS fg N% bg N%}, in percent} */
    public OptionalInt mtsForegroundPercent() {
        return mtsForeground < 0 ? OptionalInt.empty() : OptionalInt.of(mtsForeground);
    }

    /** {@return the background time of {@code MTS fg N% bg N%}, in percent} */
    public OptionalInt mtsBackgroundPercent() {
        return mtsBackground < 0 ? OptionalInt.empty() : OptionalInt.of(mtsBackground);
    }

    // ---------------------------------------------------------------- engines

    /** {@return the number of engine fields (EMC, GR3D, VIC, APE, NVENC, …) in printed order} */
    public int engineCount() {
        return engineNames.length;
    }

    /**
     * Returns one engine field.
     *
     * @param index {@code 0 <= index < engineCount()}
     * @return the reading
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public EngineReading engine(int index) {
        int e = checkedEngine(index);
        int from = ints[engineFreqStartAt(e)];
        int to = ints[engineFreqStartAt(e + 1)];
        byte flags = bytes[engineFlagsAt(e)];
        return EngineReading.of(
                engineNames[e],
                (flags & ENGINE_OFF) != 0,
                ints[engineLoadAt(e)],
                Arrays.copyOfRange(ints, engineFreqAt(from), engineFreqAt(to)),
                (flags & ENGINE_BRACKETED) != 0);
    }

    /** {@return every engine field in printed order} */
    public List<EngineReading> engines() {
        List<EngineReading> all = new ArrayList<>(engineNames.length);
        for (int i = 0; i < engineNames.length; i++) {
            all.add(engine(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Returns the first engine field with this exact name.
     *
     * @param name the name as printed, e.g. {@code "VIC"} or {@code "NVENC0_FREQ"}
     * @return the reading, or empty if absent
     */
    public Optional<EngineReading> engine(String name) {
        for (int i = 0; i < engineNames.length; i++) {
            if (engineNames[i].equals(name)) {
                return Optional.of(engine(i));
            }
        }
        return Optional.empty();
    }

    /** {@return the memory controller: {@code EMC_FREQ} or the legacy {@code EMC}} */
    public Optional<EngineReading> emc() {
        Optional<EngineReading> e = engine("EMC_FREQ");
        return e.isPresent() ? e : engine("EMC");
    }

    /** {@return the GPU: {@code GR3D_FREQ} or the legacy {@code GR3D}} */
    public Optional<EngineReading> gpu() {
        Optional<EngineReading> e = engine("GR3D_FREQ");
        return e.isPresent() ? e : engine("GR3D");
    }

    // ---------------------------------------------------------------- temperatures

    /** {@return the number of temperature tokens printed, sentinels included} */
    public int temperatureCount() {
        return tempNames.length;
    }

    /**
     * Returns the sensor name of a temperature token.
     *
     * @param index {@code 0 <= index < temperatureCount()}
     * @return the name as printed
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public String temperatureSensor(int index) {
        return tempNames[index];
    }

    /**
     * Returns the first value of a temperature token as printed, sentinel included.
     *
     * @param index {@code 0 <= index < temperatureCount()}
     * @return °C as printed, e.g. {@code -256.0} for an absent sensor
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double temperaturePrintedCelsius(int index) {
        return doubles[tempCurrentAt(checkedTemperature(index))];
    }

    /**
     * Returns the current temperature of a token.
     *
     * @param index {@code 0 <= index < temperatureCount()}
     * @return °C; NaN for a sentinel (≤ {@value #SENTINEL_MAX_CELSIUS} °C)
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double temperatureCelsius(int index) {
        return celsiusOrNaN(doubles[tempCurrentAt(checkedTemperature(index))]);
    }

    /**
     * Returns the second value of a two-valued temperature (R39: maximum since start).
     *
     * @param index {@code 0 <= index < temperatureCount()}
     * @return °C; NaN when not printed or a sentinel
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double temperatureMaxCelsius(int index) {
        return celsiusOrNaN(doubles[tempMaxAt(checkedTemperature(index))]);
    }

    /**
     * Returns one temperature token as a record.
     *
     * @param index {@code 0 <= index < temperatureCount()}
     * @return the reading
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public TemperatureReading temperature(int index) {
        return new TemperatureReading(
                tempNames[index],
                temperaturePrintedCelsius(index),
                temperatureCelsius(index),
                temperatureMaxCelsius(index));
    }

    /** {@return every temperature token in printed order, sentinels included} */
    public List<TemperatureReading> temperatures() {
        List<TemperatureReading> all = new ArrayList<>(tempNames.length);
        for (int i = 0; i < tempNames.length; i++) {
            all.add(temperature(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Returns the current temperature of the first sensor of this name, compared without regard to case (R35 prints
     * {@code CPU}, R36 {@code cpu}).
     *
     * @param sensor the sensor name
     * @return °C, or NaN when the sensor is absent or printed as a sentinel
     */
    public double celsius(String sensor) {
        for (int i = 0; i < tempNames.length; i++) {
            if (tempNames[i].equalsIgnoreCase(sensor)) {
                return temperatureCelsius(i);
            }
        }
        return Double.NaN;
    }

    private static double celsiusOrNaN(double c) {
        return c > SENTINEL_MAX_CELSIUS ? c : Double.NaN; // NaN (not printed) > x is false
    }

    // ---------------------------------------------------------------- rails

    /** {@return the number of power rails printed, duplicates included} */
    public int railCount() {
        return railNames.length;
    }

    /**
     * Returns the name of a rail.
     *
     * @param index {@code 0 <= index < railCount()}
     * @return the name as printed
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public String railName(int index) {
        return railNames[index];
    }

    /**
     * Returns the current power of a rail.
     *
     * @param index {@code 0 <= index < railCount()}
     * @return mW
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double railMilliwatts(int index) {
        return doubles[railCurrentAt(checkedRail(index))];
    }

    /**
     * Returns the running average of a rail (the value after the first slash): the mean of every current value since
     * tegrastats started.
     *
     * @param index {@code 0 <= index < railCount()}
     * @return mW
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double railAverageMilliwatts(int index) {
        return doubles[railAverageAt(checkedRail(index))];
    }

    /**
     * Returns the third value of a rail (R39: maximum since start).
     *
     * @param index {@code 0 <= index < railCount()}
     * @return mW, or NaN when not printed
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public double railMaxMilliwatts(int index) {
        return doubles[railMaxAt(checkedRail(index))];
    }

    /**
     * Returns the unit a rail was printed in.
     *
     * @param index {@code 0 <= index < railCount()}
     * @return the unit
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public RailUnit railUnit(int index) {
        return RAIL_UNITS[bytes[railUnitAt(checkedRail(index))]];
    }

    /**
     * Returns one rail as a record.
     *
     * @param index {@code 0 <= index < railCount()}
     * @return the reading
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public RailReading rail(int index) {
        return new RailReading(
                railNames[index],
                railMilliwatts(index),
                railAverageMilliwatts(index),
                railMaxMilliwatts(index),
                railUnit(index));
    }

    /** {@return every rail in printed order, duplicates included} */
    public List<RailReading> rails() {
        List<RailReading> all = new ArrayList<>(railNames.length);
        for (int i = 0; i < railNames.length; i++) {
            all.add(rail(i));
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * Returns the index of the first rail of this exact name (rail names are matched with their case).
     *
     * @param name the rail name, e.g. {@code "VDD_IN"}
     * @return the index, or empty when absent
     * @since 0.2.0 (0.1.0 returned -1 for an absent rail)
     */
    public OptionalInt railIndex(String name) {
        for (int i = 0; i < railNames.length; i++) {
            if (railNames[i].equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Returns the current power of the first rail of this exact name.
     *
     * @param name the rail name, e.g. {@code "VDD_IN"}
     * @return mW, or NaN when the rail is absent
     */
    public double milliwatts(String name) {
        OptionalInt i = railIndex(name);
        return i.isEmpty() ? Double.NaN : doubles[railCurrentAt(i.getAsInt())];
    }

    // ---------------------------------------------------------------- unknown

    /** {@return the number of tokens that were not recognised} */
    public int unknownTokenCount() {
        return unknownNames.length;
    }

    String unknownTokenName(int index) {
        return unknownNames[index];
    }

    /** {@return the tokens that were not recognised, in printed order} */
    public List<UnknownToken> unknownTokens() {
        List<UnknownToken> all = new ArrayList<>(unknownNames.length);
        for (int i = 0; i < unknownNames.length; i++) {
            all.add(new UnknownToken(unknownNames[i], unknownTexts[i]));
        }
        return Collections.unmodifiableList(all);
    }

    // ---------------------------------------------------------------- Object

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TegrastatsSample s)) {
            return false;
        }
        return lineNumber == s.lineNumber
                && sequence == s.sequence
                && printedLocalSecond == s.printedLocalSecond
                && Objects.equals(prefix, s.prefix)
                && ramUsed == s.ramUsed
                && ramTotal == s.ramTotal
                && ramUnit == s.ramUnit
                && ramLfbCount == s.ramLfbCount
                && ramLfbSize == s.ramLfbSize
                && ramLfbUnit == s.ramLfbUnit
                && swapUsed == s.swapUsed
                && swapTotal == s.swapTotal
                && swapUnit == s.swapUnit
                && swapCached == s.swapCached
                && swapCachedUnit == s.swapCachedUnit
                && iramUsed == s.iramUsed
                && iramTotal == s.iramTotal
                && iramUnit == s.iramUnit
                && iramLfbSize == s.iramLfbSize
                && iramLfbUnit == s.iramLfbUnit
                && cpuSharedFreq == s.cpuSharedFreq
                && mtsForeground == s.mtsForeground
                && mtsBackground == s.mtsBackground
                // same counts, so the same layout: the packed arrays compare list by list
                && cpuCount == s.cpuCount
                && Arrays.equals(engineNames, s.engineNames)
                && Arrays.equals(tempNames, s.tempNames)
                && Arrays.equals(railNames, s.railNames)
                && Arrays.equals(ints, s.ints)
                && Arrays.equals(doubles, s.doubles)
                && Arrays.equals(bytes, s.bytes)
                && Arrays.equals(unknownNames, s.unknownNames)
                && Arrays.equals(unknownTexts, s.unknownTexts);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(lineNumber);
        h = 31 * h + Long.hashCode(printedLocalSecond);
        h = 31 * h + Long.hashCode(ramUsed);
        h = 31 * h + Arrays.hashCode(ints);
        h = 31 * h + Arrays.hashCode(doubles);
        return 31 * h + Arrays.hashCode(engineNames);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TegrastatsSample[line ").append(lineNumber);
        printedTime().ifPresent(t -> b.append(", ").append(t));
        ram().ifPresent(r -> b.append(", RAM ").append(r.used()).append('/').append(r.total()));
        b.append(", ").append(cpuCount).append(" cores, ");
        b.append(engineNames.length).append(" engines, ");
        b.append(tempNames.length).append(" temperatures, rails");
        for (int i = 0; i < railNames.length; i++) {
            b.append(' ')
                    .append(railNames[i])
                    .append('=')
                    .append(String.format(Locale.ROOT, "%.0f", doubles[railCurrentAt(i)]))
                    .append("mW");
        }
        return b.append(']').toString();
    }
}
