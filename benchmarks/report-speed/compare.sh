#!/bin/sh
# The whole `tokjoule report` vs Python comparison (issue 15 item 6) in one command, from the repository root:
#
#   benchmarks/report-speed/compare.sh [ROUNDS]          # default 7 rounds after one warm-up round
#
# Builds the shaded jar and its AppCDS archive (./mvnw package, tests skipped, nothing installed) unless
# TOKJOULE_JAR names a jar, writes the 384-cell demo sweep (seed 42) once into $WORK (default /tmp/tokjoule-speed),
# then runs benchmarks/report-speed/paired.py: every command once per round in a rotating order, ratios to the Python
# taken within each round. The levers, each a separate command:
#   python            benchmarks/python/seed_cell_analysis.py on the same sweep (the baseline)
#   launcher          examples/tokjoule report: C1 only, serial GC, the AppCDS archive, 2 analysis threads (as shipped)
#   no AppCDS         the launcher's flags without the archive
#   one CPU           the launcher with -XX:ActiveProcessorCount=1 (one analysis thread, figures on one thread)
#   no Flink          the launcher's flags and a static archive of its own, on a copy of the jar without Flink and the
#                     libraries only `tokjoule fleet` uses (28,500 -> 1,800 entries): what the 84 MB jar costs
#   java -jar         plain `java -jar`, default JIT and GC, no archive
#   JDK 25 AOT        the launcher on a JDK 25 or later (JAVA25, else the first /usr/lib/jvm/*25*/bin/java), which
#                     then takes the AOT cache tokjoule.aot beside the jar instead of the AppCDS archive; the cache is
#                     trained here (the demo, as the archive is) when missing or older than the jar. Left out, with a
#                     line on stderr, where no such JDK is found.
# Prints the machine's load average with the figures; report them together (docs/PERFORMANCE.md).
set -eu
rounds=${1:-7}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
work=${WORK:-/tmp/tokjoule-speed}
mkdir -p "$work"
cd "$root"
jar=${TOKJOULE_JAR:-examples/target/tokjoule.jar}
if [ -z "${TOKJOULE_JAR:-}" ]; then
  ./mvnw -B -ntp -q -pl examples -am package -DskipTests -Djacoco.skip=true
fi
jsa=${jar%.jar}.jsa
[ -f "$jsa" ] || { echo "compare.sh: no AppCDS archive $jsa (built by ./mvnw package)" >&2; exit 1; }
J="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
S=$work/sweep
if [ ! -f "$S/manifest.json" ]; then
  rm -rf "$S" "$work/demo"
  java $J -jar "$jar" demo --out "$work/demo" --keep-sweep "$S" >/dev/null
fi
# The jar without Flink (and what only Flink needs), with its own archive trained on the same report.
python3 - "$jar" "$work/noflink.jar" <<'EOF'
import sys, zipfile
drop = ('org/apache/flink/', 'com/esotericsoftware/', 'org/snakeyaml/', 'javassist/', 'org/roaringbitmap/',
        'org/xerial/', 'net/jpountz/', 'org/objenesis/', 'org/apache/commons/math3/', 'org/apache/commons/compress/',
        'org/apache/commons/collections/', 'org/apache/commons/lang3/', 'org/apache/commons/io/',
        'org/apache/commons/text/', 'org/apache/commons/cli/', 'META-INF/native-image/', 'META-INF/native/')
with zipfile.ZipFile(sys.argv[1]) as zin, zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as zout:
    for i in zin.infolist():
        if not i.filename.startswith(drop):
            zout.writestr(i, zin.read(i.filename))
EOF
# A static archive from the classes of one training report, as examples/pom.xml makes the jar's.
rm -f "$work/noflink.jsa" "$work/noflink.classlist"
java $J -XX:DumpLoadedClassList="$work/noflink.classlist" -jar "$work/noflink.jar" report "$S" --out "$work/train" \
  >/dev/null
java -Xshare:dump -XX:SharedClassListFile="$work/noflink.classlist" -XX:SharedArchiveFile="$work/noflink.jsa" \
  -cp "$work/noflink.jar" >/dev/null 2>&1
CDS="-XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
# A JDK 25+ and its AOT cache of the jar (docs/PERFORMANCE.md, "Round 4 CPU cuts").
j25=${JAVA25:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -n 1)}
aot=${jar%.jar}.aot
set --
if [ -n "$j25" ] && [ -x "$j25" ]; then
  if [ ! -f "$aot" ] || [ "$jar" -nt "$aot" ]; then
    rm -rf "$work/aot-training"
    "$j25" -XX:AOTCacheOutput="$aot" $J -Xlog:aot=off -Xlog:cds=off -jar "$jar" demo --out "$work/aot-training" \
      >/dev/null 2>&1 || { echo "compare.sh: training the AOT cache with $j25 failed" >&2; rm -f "$aot"; }
  fi
  [ -f "$aot" ] && set -- "JDK 25 AOT=env JAVA=$j25 TOKJOULE_JAR=$jar examples/tokjoule report $S --out $work/o-aot"
else
  echo "compare.sh: no JDK 25 (set JAVA25 to its java): the 'JDK 25 AOT' row is left out" >&2
fi
uptime
python3 benchmarks/report-speed/paired.py "$rounds" \
  "python=env TZ=Asia/Kolkata python3 benchmarks/python/seed_cell_analysis.py $S 1" \
  "launcher=env TOKJOULE_JAR=$jar examples/tokjoule report $S --out $work/o-launcher" \
  "no AppCDS=java $J -jar $jar report $S --out $work/o-nocds" \
  "one CPU=java $J -XX:ActiveProcessorCount=1 $CDS -jar $jar report $S --out $work/o-one" \
  "no Flink=java $J -XX:SharedArchiveFile=$work/noflink.jsa -Xlog:cds=off -jar $work/noflink.jar report $S --out $work/o-noflink" \
  "java -jar=java -jar $jar report $S --out $work/o-plain" \
  "$@"
uptime
# Same outputs whatever the lever (the page and every CSV).
for o in o-nocds o-one o-noflink o-plain o-aot; do
  [ -d "$work/$o" ] || continue
  diff -r -q "$work/o-launcher" "$work/$o" >/dev/null || echo "compare.sh: $o differs from o-launcher" >&2
done
