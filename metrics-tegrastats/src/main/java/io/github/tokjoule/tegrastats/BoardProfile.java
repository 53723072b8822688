package io.github.tokjoule.tegrastats;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The power rails of a Jetson board: which rail (or sum) is the board total and which is the compute rail
 * (docs/reference/tegrastats-format.md §3; DESIGN §5).
 *
 * <p>The total is the module input rail where the board prints one ({@code VDD_IN}, {@code POM_5V_IN}, Thor's
 * {@code VIN}). AGX Orin and AGX Xavier print no input rail: their total is the sum of every printed rail, an
 * approximation of the module power ({@link #totalMeasured()} is {@code false}); {@code VIN_SYS_5V0} is not the total
 * (jetson_stats issue #344). The compute rail is the one the seed benchmark uses on Orin Nano
 * ({@code VDD_CPU_GPU_CV}) or its nearest equivalent.
 *
 * <p>Detection ({@link #detect}) reads rail names, never guesses from a generic pattern such as "contains IN".
 *
 * @since 0.1.0
 */
public enum BoardProfile {
    /** Orin Nano / Orin NX, R35–R36: {@code VDD_IN VDD_CPU_GPU_CV VDD_SOC}. */
    ORIN_NANO_NX("Orin Nano / Orin NX", RailSelection.rail("VDD_IN"), RailSelection.rail("VDD_CPU_GPU_CV"), true),
    /**
     * AGX Orin, R35–R39: {@code VDD_GPU_SOC VDD_CPU_CV VIN_SYS_5V0 [VDDQ_VDD2_1V8AO] [NC]}; total = sum of every rail,
     * compute = {@code VDD_GPU_SOC + VDD_CPU_CV} (includes the SoC).
     */
    AGX_ORIN("AGX Orin", RailSelection.allRails(), RailSelection.sum("VDD_GPU_SOC", "VDD_CPU_CV"), false),
    /** Nano, R32: {@code POM_5V_IN POM_5V_GPU POM_5V_CPU}; GPU and CPU are parts of the input and never added to it. */
    NANO("Nano", RailSelection.rail("POM_5V_IN"), RailSelection.sum("POM_5V_GPU", "POM_5V_CPU"), true),
    /** TX1: {@code VDD_IN VDD_CPU VDD_GPU}. */
    TX1("TX1", RailSelection.rail("VDD_IN"), RailSelection.sum("VDD_CPU", "VDD_GPU"), true),
    /** TX2: {@code VDD_IN VDD_CPU VDD_GPU VDD_SOC VDD_WIFI VDD_DDR} (R28) or the {@code VDD_SYS_*} names (R32). */
    TX2(
            "TX2",
            RailSelection.rail("VDD_IN"),
            RailSelection.firstPresent(
                    RailSelection.sum("VDD_SYS_CPU", "VDD_SYS_GPU"), RailSelection.sum("VDD_CPU", "VDD_GPU")),
            true),
    /** Xavier NX, R32–R35: {@code VDD_IN VDD_CPU_GPU_CV VDD_SOC} (the Orin Nano names; told apart by sensors). */
    XAVIER_NX("Xavier NX", RailSelection.rail("VDD_IN"), RailSelection.rail("VDD_CPU_GPU_CV"), true),
    /** AGX Xavier, R31–R32: {@code GPU CPU SOC CV VDDRQ SYS5V}, no input rail; compute = {@code GPU + CPU + CV}. */
    AGX_XAVIER("AGX Xavier", RailSelection.allRails(), RailSelection.sum("GPU", "CPU", "CV"), false),
    /** Thor, R38–R39: {@code VDD_GPU VDD_CPU_SOC_MSS VIN_SYS_5V0 [VIN]}; total = {@code VIN} (jetson_stats PR #900). */
    THOR("Thor", RailSelection.rail("VIN"), RailSelection.sum("VDD_GPU", "VDD_CPU_SOC_MSS"), true);

    private final String label;

    @SuppressWarnings("ImmutableEnumChecker") // RailSelection is immutable: final fields, unmodifiable lists
    private final RailSelection total;

    @SuppressWarnings("ImmutableEnumChecker") // as above
    private final RailSelection compute;

    private final boolean totalMeasured;

    BoardProfile(String label, RailSelection total, RailSelection compute, boolean totalMeasured) {
        this.label = label;
        this.total = total;
        this.compute = compute;
        this.totalMeasured = totalMeasured;
    }

    /** {@return a human-readable board name} */
    public String label() {
        return label;
    }

    /** {@return the board-total selection: the input rail, or the sum of every rail on AGX boards} */
    public RailSelection total() {
        return total;
    }

    /** {@return the compute-rail selection} */
    public RailSelection compute() {
        return compute;
    }

    /** {@return {@code true} when the total is one measured input rail, {@code false} when it is a sum of rails} */
    public boolean totalMeasured() {
        return totalMeasured;
    }

    /**
     * Detects the board from the rail names a log prints, and the sensor names to tell Xavier NX (which has
     * {@code AO} and {@code AUX} sensors) from Orin Nano/NX (same rail names).
     *
     * @param railNames the rail names (a {@code #2} duplicate suffix is ignored)
     * @param sensorNames the temperature sensor names, any case
     * @return the profile, or empty when the rails match no known board (or there are none)
     */
    public static Optional<BoardProfile> detect(Collection<String> railNames, Collection<String> sensorNames) {
        java.util.Set<String> r = new java.util.HashSet<>();
        for (String n : railNames) {
            int hash = n.indexOf('#');
            r.add(hash < 0 ? n : n.substring(0, hash));
        }
        if (r.contains("VDD_CPU_SOC_MSS") || (r.contains("VIN") && r.contains("VDD_GPU"))) {
            return Optional.of(THOR);
        }
        if (r.contains("VDD_GPU_SOC") || r.contains("VDD_CPU_CV")) {
            return Optional.of(AGX_ORIN);
        }
        if (r.contains("POM_5V_IN")) {
            return Optional.of(NANO);
        }
        if (r.contains("VDD_CPU_GPU_CV")) {
            for (String s : sensorNames) {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.equals("ao") || l.equals("aux")) {
                    return Optional.of(XAVIER_NX);
                }
            }
            return Optional.of(ORIN_NANO_NX);
        }
        if (r.contains("VDD_IN")) {
            boolean tx2 = r.contains("VDD_SOC")
                    || r.contains("VDD_DDR")
                    || r.contains("VDD_WIFI")
                    || r.contains("VDD_4V0_WIFI")
                    || r.stream().anyMatch(n -> n.startsWith("VDD_SYS_"));
            if (tx2) {
                return Optional.of(TX2);
            }
            if (r.contains("VDD_CPU") && r.contains("VDD_GPU")) {
                return Optional.of(TX1);
            }
            return Optional.empty();
        }
        if (r.contains("SYS5V") || r.contains("VDDRQ")) {
            return Optional.of(AGX_XAVIER);
        }
        return Optional.empty();
    }
}
