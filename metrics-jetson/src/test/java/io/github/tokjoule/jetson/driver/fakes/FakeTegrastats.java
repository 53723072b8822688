package io.github.tokjoule.jetson.driver.fakes;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Fake {@code tegrastats --interval I --logfile F}: writes Orin Nano R36 lines ({@code MM-DD-YYYY HH:MM:SS} in the
 * process's zone, {@code VDD_IN}, {@code VDD_CPU_GPU_CV}, {@code VDD_SOC} rails with running averages) every I ms
 * until it is terminated. Line shape after the corpus' R36 line (issue-jetson_stats-624), without the engines an
 * Orin Nano lacks.
 */
public final class FakeTegrastats {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM-dd-yyyy HH:mm:ss", Locale.ROOT);

    private FakeTegrastats() {}

    public static void main(String[] args) throws Exception {
        FakeSupport.record("tegrastats", args);
        int interval = 1000;
        String logfile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--interval":
                    interval = Integer.parseInt(args[++i]);
                    break;
                case "--logfile":
                    logfile = args[++i];
                    break;
                default:
                    System.err.println("tegrastats: unknown option " + args[i]);
                    System.exit(2);
            }
        }
        OutputStream sink = logfile == null ? System.out : new FileOutputStream(logfile, true);
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        long n = 0;
        double sumIn = 0;
        double sumCv = 0;
        double sumSoc = 0;
        while (true) {
            n++;
            int vin = 5200 + (int) (n * 37 % 900);
            int cv = 1900 + (int) (n * 53 % 700);
            int soc = 1300 + (int) (n * 11 % 120);
            sumIn += vin;
            sumCv += cv;
            sumSoc += soc;
            out.println(STAMP.format(LocalDateTime.now())
                    + " RAM 3406/7620MB (lfb 2x4MB) SWAP 0/3810MB (cached 0MB) CPU [11%@1728,9%@1728,14%@1728,"
                    + "8%@1728,10%@1728,7%@1728] EMC_FREQ 21%@3199 GR3D_FREQ 71%@[1020] NVDEC off NVJPG off"
                    + " NVJPG1 off VIC off OFA off APE 200 cpu@51.5C soc2@49.8C soc0@50.2C gpu@52.1C tj@52.9C"
                    + " soc1@49.9C VDD_IN " + vin + "mW/" + Math.round(sumIn / n) + "mW VDD_CPU_GPU_CV " + cv
                    + "mW/" + Math.round(sumCv / n) + "mW VDD_SOC " + soc + "mW/" + Math.round(sumSoc / n) + "mW");
            Thread.sleep(interval);
        }
    }
}
