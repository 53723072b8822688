package io.github.tokjoule.aiperf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The small value types: units, statistics, errors, options. */
class ValuesTest {

    @Test
    void unitConversionsFollowTheTable() {
        assertThat(MetricUnit.fromSource("ns").orElseThrow())
                .isEqualTo(new MetricUnit.Conversion(MetricUnit.MILLISECONDS, 1e-6));
        assertThat(MetricUnit.fromSource("us").orElseThrow().factor()).isEqualTo(1e-3);
        assertThat(MetricUnit.fromSource("µs").orElseThrow().factor()).isEqualTo(1e-3);
        assertThat(MetricUnit.fromSource("sec").orElseThrow().apply(2.5)).isEqualTo(2500.0);
        assertThat(MetricUnit.fromSource("s").orElseThrow().unit()).isEqualTo(MetricUnit.MILLISECONDS);
        assertThat(MetricUnit.fromSource("MJ").orElseThrow().apply(2)).isEqualTo(2e6);
        assertThat(MetricUnit.fromSource("mJ").orElseThrow().apply(2)).isEqualTo(2e-3);
        assertThat(MetricUnit.fromSource("kJ").orElseThrow().apply(2)).isEqualTo(2e3);
        assertThat(MetricUnit.fromSource("mW").orElseThrow().apply(500)).isEqualTo(0.5);
        assertThat(MetricUnit.fromSource("kW").orElseThrow().apply(1.5)).isEqualTo(1500.0);
        assertThat(MetricUnit.fromSource("requests").orElseThrow().unit()).isEqualTo(MetricUnit.COUNT);
        assertThat(MetricUnit.fromSource("count").orElseThrow().unit()).isEqualTo(MetricUnit.COUNT);
        assertThat(MetricUnit.fromSource("errors").orElseThrow().unit()).isEqualTo(MetricUnit.COUNT);
        assertThat(MetricUnit.fromSource("tokens/s").orElseThrow().unit()).isEqualTo(MetricUnit.TOKENS_PER_SECOND);
        assertThat(MetricUnit.fromSource("requests/s").orElseThrow().unit()).isEqualTo(MetricUnit.REQUESTS_PER_SECOND);
        assertThat(MetricUnit.fromSource("C").orElseThrow().unit()).isEqualTo(MetricUnit.CELSIUS);
        assertThat(MetricUnit.fromSource("MHz").orElseThrow().unit()).isEqualTo(MetricUnit.MEGAHERTZ);
        assertThat(MetricUnit.fromSource("GB").orElseThrow().unit()).isEqualTo(MetricUnit.GIGABYTES);
        assertThat(MetricUnit.fromSource("MS")).isEmpty(); // case-sensitive
        assertThat(MetricUnit.fromSource("fortnights")).isEmpty();
        assertThat(MetricUnit.fromSource("")).isEmpty();
        assertThat(MetricUnit.MILLISECONDS.symbol()).isEqualTo("ms");
        assertThat(MetricUnit.OTHER.symbol()).isEmpty();
        assertThatThrownBy(() -> new MetricUnit.Conversion(MetricUnit.WATTS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factor = 0.0 is not positive and finite");
        assertThatThrownBy(() -> new MetricUnit.Conversion(MetricUnit.WATTS, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeConversionsAreConsistentWithEachOther() {
        // value in ns -> ms -> back to ns through LatencyStats.valueIn is the identity (up to rounding)
        qt().forAll(doubles().between(0, 1e15)).checkAssert(ns -> {
            double millis = MetricUnit.fromSource("ns").orElseThrow().apply(ns);
            LatencyStats l = MetricStats.of("x", MetricUnit.MILLISECONDS, Map.of(Stat.AVG, millis))
                    .asLatency()
                    .orElseThrow();
            assertThat(l.valueIn(Stat.AVG, TimeUnit.NANOSECONDS))
                    .isCloseTo(ns, org.assertj.core.data.Percentage.withPercentage(1e-9));
            double viaSeconds = MetricUnit.fromSource("sec").orElseThrow().apply(ns / 1e9);
            assertThat(viaSeconds).isCloseTo(millis, org.assertj.core.data.Percentage.withPercentage(1e-9));
        });
    }

    @Test
    void statKeysRoundTrip() {
        for (Stat s : Stat.values()) {
            assertThat(Stat.fromKey(s.key())).contains(s);
            assertThat(s.isConverted()).isEqualTo(s != Stat.COUNT);
        }
        assertThat(Stat.fromKey("P50")).isEmpty();
        assertThat(Stat.fromKey("adj_p50")).isEmpty();
    }

    @Test
    void metricStatsFactoryValidatesAndViewsName() {
        Map<Stat, Double> v = new EnumMap<>(Stat.class);
        v.put(Stat.AVG, 2.0);
        v.put(Stat.P50, 1.5);
        v.put(Stat.COUNT, 4.0);
        v.put(Stat.SUM, 8.0);
        MetricStats m = MetricStats.of("input_sequence_length", MetricUnit.TOKENS, v);
        assertThat(m.name()).isEqualTo("input_sequence_length");
        assertThat(m.sourceName()).isEqualTo("input_sequence_length");
        assertThat(m.sourceUnit()).isEqualTo("tokens");
        assertThat(m.isDistribution()).isTrue();
        assertThat(m.count()).hasValue(4);
        assertThat(m.asLatency()).isEmpty();
        TokenStats t = m.asTokens().orElseThrow();
        assertThat(t.name()).isEqualTo("input_sequence_length");
        assertThat(t.avgTokens()).isEqualTo(2.0);
        assertThat(t.p50Tokens()).isEqualTo(1.5);
        assertThat(t.sumTokens()).isEqualTo(8.0);
        assertThat(t.count()).hasValue(4);
        assertThat(t.minTokens()).isNaN();
        assertThat(t.stats()).isSameAs(m);
        assertThat(t)
                .isEqualTo(m.asTokens().orElseThrow())
                .hasSameHashCodeAs(m.asTokens().orElseThrow());
        assertThat(t.toString()).isEqualTo("input_sequence_length[tokens, avg=2.0, p50=1.5, count=4.0, sum=8.0]");
        for (String accessor : new String[] {
            "maxTokens",
            "stdTokens",
            "p1Tokens",
            "p5Tokens",
            "p10Tokens",
            "p25Tokens",
            "p75Tokens",
            "p90Tokens",
            "p95Tokens",
            "p99Tokens"
        }) {
            assertThat(invoke(t, accessor)).as(accessor).isNaN();
        }
        MetricStats scalar = MetricStats.of("request_count", MetricUnit.COUNT, Map.of(Stat.AVG, 3.0));
        assertThat(scalar.isDistribution()).isFalse();
        assertThat(scalar.count()).isEmpty();
        assertThat(scalar).isNotEqualTo(m).isNotEqualTo("x");
        assertThat(scalar.asMap()).containsExactly(Map.entry(Stat.AVG, 3.0));
        assertThatThrownBy(() -> MetricStats.of(" ", MetricUnit.COUNT, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name = \" \" is blank");
        assertThatThrownBy(() -> MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.STD, -1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[STD] = -1.0 is negative");
        assertThatThrownBy(() -> MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.MIN, 2.0, Stat.MAX, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[MIN] = 2.0 is greater than values[MAX] = 1.0");
        assertThatThrownBy(() -> MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.COUNT, 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[COUNT] = 1.5 is not a count");
        assertThatThrownBy(() -> MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.COUNT, -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.MIN, 2.0)).get(Stat.MIN))
                .isEqualTo(2.0);
        assertThatThrownBy(() -> MetricStats.of("x", MetricUnit.COUNT, Map.of(Stat.P99, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values[P99] = NaN is not finite");
    }

    @Test
    void latencyViewHasEveryAccessor() {
        Map<Stat, Double> v = new EnumMap<>(Stat.class);
        int i = 1;
        for (Stat s : Stat.values()) {
            v.put(s, (double) i++);
        }
        LatencyStats l = MetricStats.of("request_latency", MetricUnit.MILLISECONDS, v)
                .asLatency()
                .orElseThrow();
        assertThat(l.name()).isEqualTo("request_latency");
        String[] accessors = {
            "avgMillis",
            "minMillis",
            "maxMillis",
            "stdMillis",
            "p1Millis",
            "p5Millis",
            "p10Millis",
            "p25Millis",
            "p50Millis",
            "p75Millis",
            "p90Millis",
            "p95Millis",
            "p99Millis"
        };
        for (int k = 0; k < accessors.length; k++) {
            assertThat(invoke(l, accessors[k])).as(accessors[k]).isEqualTo(k + 1.0);
        }
        assertThat(l.count()).hasValue(14);
        assertThat(l.sumMillis()).isEqualTo(15.0);
        assertThat(l).isEqualTo(l.stats().asLatency().orElseThrow()).isNotEqualTo(l.stats());
        assertThat(l.hashCode()).isEqualTo(l.stats().hashCode());
        assertThat(l.toString()).startsWith("request_latency[ms, avg=1.0");
        MetricStats other =
                MetricStats.converted("x", "y", "fortnights", MetricUnit.OTHER, new java.util.EnumMap<>(Stat.class));
        assertThat(other.toString()).startsWith("x[unit \"fortnights\" (unknown)");
    }

    private static double invoke(Object target, String method) {
        try {
            return (double) target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(method, e);
        }
    }

    @Test
    void errorDetailsAndCounts() {
        ErrorDetails d =
                ErrorDetails.of(OptionalInt.of(503), Optional.of("HTTPError"), Optional.of("busy"), Optional.empty());
        assertThat(d.code()).hasValue(503);
        assertThat(d.isCancellation()).isFalse();
        assertThat(d)
                .isEqualTo(ErrorDetails.of(
                        OptionalInt.of(503), Optional.of("HTTPError"), Optional.of("busy"), Optional.empty()));
        assertThat(d.hashCode())
                .isEqualTo(ErrorDetails.of(
                                OptionalInt.of(503), Optional.of("HTTPError"), Optional.of("busy"), Optional.empty())
                        .hashCode());
        assertThat(d)
                .isNotEqualTo(
                        ErrorDetails.of(OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(d.toString()).isEqualTo("ErrorDetails[code=503, type=HTTPError, message=busy, cause=null]");
        assertThat(ErrorDetails.of(
                                OptionalInt.empty(),
                                Optional.of("RequestCancellationError"),
                                Optional.empty(),
                                Optional.empty())
                        .isCancellation())
                .isTrue();
        assertThatThrownBy(() -> new ErrorCount(d, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count = -1 is negative");
    }

    @Test
    void optionsAndReports() {
        RecordOptions o = RecordOptions.defaults();
        assertThat(o.allPhases()).isFalse();
        assertThat(o.strict()).isFalse();
        assertThat(o.withAllPhases(true).withStrict(true)).isEqualTo(new RecordOptions(true, true));
        ReadReport r = new ReadReport("f", java.util.List.of(new ReadIssue("$.a", "bad")));
        assertThat(r.isClean()).isFalse();
        assertThat(r.issues().get(0).toString()).isEqualTo("$.a: bad");
        assertThat(InputConfig.empty().model()).isEmpty();
        assertThat(BenchmarkPhase.of("warmup")).isEqualTo(BenchmarkPhase.WARMUP);
    }

    @Test
    void percentilesNeverConvertCount() {
        qt().forAll(integers().between(0, 1_000_000)).checkAssert(n -> {
            String json = "{\"m\": {\"unit\": \"sec\", \"avg\": 1, \"count\": " + n + "}}";
            MetricStats m = TestFiles.json(json).metric("m").orElseThrow();
            assertThat(m.count()).hasValue(n);
            assertThat(m.get(Stat.AVG)).isEqualTo(1000.0);
        });
    }
}
