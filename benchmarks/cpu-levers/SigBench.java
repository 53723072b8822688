import java.lang.reflect.Method;
import java.math.*;
import java.nio.file.*;
import java.util.*;
public class SigBench {
  static String ref(double v, int digits) {
    if (!Double.isFinite(v)) return ""; if (v == 0) return "0";
    BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_UP));
    d = d.setScale(Math.max(0, digits - (d.precision() - d.scale())), RoundingMode.HALF_UP);
    if (Math.abs(v) >= Math.pow(10, digits - 1)) d = new BigDecimal(v).setScale(0, RoundingMode.HALF_UP);
    String s = d.toPlainString(); return s.startsWith("-") && d.signum() == 0 ? s.substring(1) : s;
  }
  public static void main(String[] a) throws Exception {
    Method m = Class.forName("io.github.tokjoule.examples.report.Sig").getDeclaredMethod("of", double.class, int.class);
    m.setAccessible(true);
    List<Double> vals = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(a[0]))) for (String f : line.split(",")) { try { double d = Double.parseDouble(f); if (Double.isFinite(d)) vals.add(d);} catch (Exception e) {} }
    double[] v = vals.stream().mapToDouble(x -> x).toArray();
    System.out.println(v.length + " values");
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 6; round++) {
      long c0 = mx.getCurrentThreadCpuTime(); int h = 0;
      for (double x : v) h += ref(x, 3).length();
      long c1 = mx.getCurrentThreadCpuTime();
      for (double x : v) h += ((String) m.invoke(null, x, 3)).length();
      long c2 = mx.getCurrentThreadCpuTime();
      System.out.printf("round %d: exact %.1f ms, fast path %.1f ms (%.2f us vs %.2f us per number) %d%n", round, (c1-c0)/1e6, (c2-c1)/1e6, (c1-c0)/1e3/v.length, (c2-c1)/1e3/v.length, h);
    }
    int diff = 0; for (double x : v) for (int d = 1; d <= 5; d++) if (!ref(x, d).equals(m.invoke(null, x, d))) diff++;
    System.out.println("differences: " + diff);
  }
}
