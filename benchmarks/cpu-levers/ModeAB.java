import io.github.tokjoule.core.cell.EnergyMethod;
import io.github.tokjoule.core.join.EnergyEstimators;
import io.github.tokjoule.jetson.analysis.*;
import java.nio.file.Path;
import java.util.Arrays;
/** The three one-thread configurations of the harness, interleaved round by round in one JVM: CPU and read lap. */
public class ModeAB {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]); int warm = Integer.parseInt(a[1]); int runs = Integer.parseInt(a[2]);
    AnalysisOptions[] o = {AnalysisOptions.defaults(), AnalysisOptions.defaults().withEstimator(EnergyEstimators.perRequest()),
        AnalysisOptions.defaults().withMethod(EnergyMethod.SEED_COMPATIBLE)};
    String[] names = {"measured (AUTO -> POOLED)", "measured, per-request", "seed-compatible"};
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warm; i++) for (AnalysisOptions x : o) SweepAnalysis.analyze(dir, x);
    double[][] cpu = new double[3][runs], read = new double[3][runs], comp = new double[3][runs];
    for (int i = 0; i < runs; i++) for (int k = 0; k < 3; k++) {
      int j = (i + k) % 3;
      long c = mx.getCurrentThreadCpuTime(); SweepResult r = SweepAnalysis.analyze(dir, o[j]);
      cpu[j][i] = (mx.getCurrentThreadCpuTime() - c) / 1e6; read[j][i] = r.timings().readNanos() / 1e6; comp[j][i] = r.timings().computeNanos() / 1e6;
    }
    for (int j = 0; j < 3; j++) { Arrays.sort(cpu[j]); Arrays.sort(read[j]); Arrays.sort(comp[j]);
      System.out.printf("%-28s CPU median %6.1f ms (%,.0f lines per CPU-s)  read lap median %6.1f ms  compute median %5.1f ms%n", names[j], cpu[j][runs/2], 66580 / cpu[j][runs/2] * 1000, read[j][runs/2], comp[j][runs/2]); }
  }
}
