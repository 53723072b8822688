package io.github.tokjoule.live.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterHistogramTest {

    @Test
    void countsLatenessIn100MicrosecondBins() {
        JitterHistogram h = new JitterHistogram();
        assertThat(h.fractionWithin(2_000_000)).isNaN();
        assertThat(h.quantileUpperNanos(0.5)).isZero();
        h.record(-5); // early counts as on time: bin 0
        h.record(50_000); // bin 0
        h.record(150_000); // bin 1
        h.record(1_999_999); // bin 19
        h.record(2_000_000); // bin 20: not within 2 ms
        h.record(80_000_000); // overflow
        assertThat(h.total()).isEqualTo(6);
        assertThat(h.fractionWithin(2_000_000)).isEqualTo(4 / 6.0);
        assertThat(h.fractionWithin(-1)).isZero();
        assertThat(h.quantileUpperNanos(0.0)).isEqualTo(100_000); // the first recorded value's bin
        assertThat(h.quantileUpperNanos(0.5)).isEqualTo(200_000); // 3rd of 6
        assertThat(h.quantileUpperNanos(5 / 6.0)).isEqualTo(2_100_000);
        assertThat(h.quantileUpperNanos(1.0)).isEqualTo(Long.MAX_VALUE);
        long[] counts = h.counts();
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[counts.length - 1]).isEqualTo(1);
    }
}
