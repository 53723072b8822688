package io.github.tokjoule.jetson.driver.fakes;

/** Fake {@code jetson_clocks}: no output, or the {@code --show} listing (shape of the real tool's). */
public final class FakeJetsonClocks {

    private FakeJetsonClocks() {}

    public static void main(String[] args) {
        FakeSupport.record("jetson_clocks", args);
        if (args.length == 1 && args[0].equals("--show")) {
            System.out.println("SOC family:tegra234  Machine:NVIDIA Jetson Orin Nano Engineering Reference Developer"
                    + " Kit Super");
            System.out.println("Online CPUs: 0-5");
            for (int cpu = 0; cpu < 6; cpu++) {
                System.out.println("cpu" + cpu + ": Online=1 Governor=schedutil MinFreq=1728000 MaxFreq=1728000"
                        + " CurrentFreq=1728000 IdleStates: WFI=0 c7=0");
            }
            System.out.println("GPU MinFreq=1020000000 MaxFreq=1020000000 CurrentFreq=1020000000");
            System.out.println("EMC MinFreq=204000000 MaxFreq=3199000000 CurrentFreq=3199000000 FreqOverride=1");
            System.out.println("NV Power Mode: 25W");
            return;
        }
        if (args.length > 1 || (args.length == 1 && !args[0].equals("--fan"))) {
            System.out.println("unknown option");
            System.exit(1);
        }
    }
}
