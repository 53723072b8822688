import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/** In-JVM paired A/B: two class loaders (before: jar; after: new class dirs + jar), alternating; thread CPU per run. */
public class AB {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]); int warm = Integer.parseInt(a[1]); int runs = Integer.parseInt(a[2]);
    String[] before = a[3].split(":"); String[] after = a[4].split(":");
    Method ma = analyze(before), mb = analyze(after);
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warm; i++) { ma.invoke(null, dir); mb.invoke(null, dir); }
    double[] ca = new double[runs], cb = new double[runs];
    for (int i = 0; i < runs; i++) {
      Method first = i % 2 == 0 ? ma : mb, second = i % 2 == 0 ? mb : ma;
      long c0 = mx.getCurrentThreadCpuTime(); first.invoke(null, dir);
      long c1 = mx.getCurrentThreadCpuTime(); second.invoke(null, dir);
      long c2 = mx.getCurrentThreadCpuTime();
      (i % 2 == 0 ? ca : cb)[i] = (c1 - c0) / 1e6; (i % 2 == 0 ? cb : ca)[i] = (c2 - c1) / 1e6;
    }
    double[] r = new double[runs]; for (int i = 0; i < runs; i++) r[i] = cb[i] / ca[i];
    Arrays.sort(ca); Arrays.sort(cb); Arrays.sort(r);
    System.out.printf("before CPU ms median %.1f (min %.1f)  after median %.1f (min %.1f)  after/before median %.3f [q1 %.3f q3 %.3f]  lines per CPU-s before %.0f after %.0f%n",
        ca[runs/2], ca[0], cb[runs/2], cb[0], r[runs/2], r[runs/4], r[3*runs/4], 66580/ca[runs/2]*1000, 66580/cb[runs/2]*1000);
  }
  static Method analyze(String[] cp) throws Exception {
    URL[] urls = new URL[cp.length];
    for (int i = 0; i < cp.length; i++) urls[i] = Path.of(cp[i]).toUri().toURL();
    ClassLoader l = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    return Class.forName("io.github.tokjoule.jetson.analysis.SweepAnalysis", true, l).getMethod("analyze", Path.class);
  }
}
