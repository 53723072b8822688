package io.github.tokjoule.jetson.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedPowersTest {

    private static final double[] NONE = {};

    @Test
    void classifiesSamplesByTheRecordWindows() {
        // window [100, 110]; one request: start 100.2, ack 103.0, end 108.5
        double[] ep = {99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111};
        double[] w = {1, 2, 9, 9, 9, 6, 6, 6, 7, 6, 2, 2, 1};
        SeedPowers.Result r = SeedPowers.compute(
                ep, w, 100.0, 110.0, new double[] {100.2}, new double[] {103.0}, new double[] {108.5}, 2.9, 8.3, 20);
        // window samples 100..110 (11): sorted 2 2 2 6 6 6 6 7 9 9 9 → median 6
        assertThat(r.windowSamples()).isEqualTo(11);
        assertThat(r.windowWatts()).isEqualTo(6);
        // prefill: 101, 102, 103 (ack inclusive) → 9 9 9; decode: 104..108 → 6 6 6 7 6 → median 6
        assertThat(r.prefillSamples()).isEqualTo(3);
        assertThat(r.prefillWatts()).isEqualTo(9);
        assertThat(r.decodeSamples()).isEqualTo(5);
        assertThat(r.decodeWatts()).isEqualTo(6);
        assertThat(r.reconstructed()).isFalse();
    }

    @Test
    void reconstructsBothPhasesWhenOneIsEmpty() {
        // no jsonl: back-to-back requests of RL = 4 s from t0 = 0, TTFT = 1 s, n = 2
        // elapsed 0 1 | 2 3 | 4 5 | 6 7 | 8 9 ; k = 0 0 0 0 1 1 1 1 2 2 (k >= 2 dropped)
        // prefill when elapsed − 4k <= 1: 0, 1, 4, 5 ; decode: 2, 3, 6, 7
        double[] ep = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] w = {8, 8, 5, 5, 10, 10, 4, 4, 1, 1};
        SeedPowers.Result r = SeedPowers.compute(ep, w, 0, 9, NONE, NONE, NONE, 1.0, 4.0, 2);
        assertThat(r.reconstructed()).isTrue();
        assertThat(r.prefillSamples()).isEqualTo(4);
        assertThat(r.prefillWatts()).isEqualTo(9); // median of 8 8 10 10
        assertThat(r.decodeSamples()).isEqualTo(4);
        assertThat(r.decodeWatts()).isEqualTo(4.5); // median of 5 5 4 4
        // all 10 samples are in the window: median of 1 1 4 4 5 5 8 8 10 10 = 5
        assertThat(r.windowWatts()).isEqualTo(5);
    }

    @Test
    void missingRequestCountMeansTwentyAndEmptyPhasesFallBackToTheWindow() {
        double[] ep = {0, 1, 2};
        double[] w = {3, 3, 3};
        // RL p50 = 0: no reconstruction possible, both phases take the window power
        SeedPowers.Result r = SeedPowers.compute(ep, w, 0, 2, NONE, NONE, NONE, 0, 0, Double.NaN);
        assertThat(r.prefillWatts()).isEqualTo(3);
        assertThat(r.decodeWatts()).isEqualTo(3);
        assertThat(r.prefillSamples()).isZero();
        // with RL = 10 s and TTFT = 0.5 s every sample but the first lands in decode
        SeedPowers.Result r2 = SeedPowers.compute(ep, new double[] {7, 4, 4}, 0, 2, NONE, NONE, NONE, 0.5, 10, 0);
        assertThat(r2.prefillWatts()).isEqualTo(7);
        assertThat(r2.decodeWatts()).isEqualTo(4);
    }

    @Test
    void emptyWindowIsReportedNotSkipped() {
        SeedPowers.Result r =
                SeedPowers.compute(new double[] {1, 2}, new double[] {5, 5}, 10, 20, NONE, NONE, NONE, 1, 2, 20);
        assertThat(r.windowSamples()).isZero();
        assertThat(r.windowWatts()).isNaN();
        assertThat(r.decodeWatts()).isNaN();
    }

    @Test
    void pythonMedian() {
        assertThat(SeedPowers.median(new double[] {3, 1, 2, 99}, 3)).isEqualTo(2);
        assertThat(SeedPowers.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
    }
}
