package io.github.tokjoule.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Seed 004 §3.1 (KV cache size) and §3.3 (context length budget). */
class KvCacheAndBudgetTest {

    /** Llama 3.2 3B as seed 004 describes it: "2 × 26 layers × 8 kv_heads × 128 head_dim". */
    private static final KvCacheShape LLAMA_3B = KvCacheShape.of(26, 8, 128);

    @Test
    void llama3bKvCacheFromSeed004() {
        // 2 · 26 · 8 · 128 · 2048 · 1 = 109,051,904 bytes ≈ 109 MB ("= ~109 MB").
        assertThat(LLAMA_3B.bytes(2048, 1)).isEqualTo(109_051_904.0);
        assertThat(LLAMA_3B.bytesPerToken(1)).isEqualTo(53_248.0); // 2 · 26 · 8 · 128
        // 8192 tokens: 436,207,616 bytes = 436 MB (the seed prints "~435 MB").
        assertThat(LLAMA_3B.bytes(8192, 1)).isEqualTo(436_207_616.0);
        assertThat(LLAMA_3B.bytes(8192, 1) / 1e6).isCloseTo(435, within(1.5));
        // 128K = 131,072 tokens: 6,979,321,856 bytes = 6.98 GB (6.5 GiB); the seed prints "~6.8 GB". Either way it
        // exceeds the 6.3 GB available (§3.3).
        assertThat(LLAMA_3B.bytes(131_072, 1)).isEqualTo(6_979_321_856.0);
        // FP16 doubles it; "INT8 KV cache: 2× vs FP16".
        assertThat(LLAMA_3B.bytes(2048, 2)).isEqualTo(2 * 109_051_904.0);
        // GQA: 8 KV heads instead of 32 query heads, "4× smaller than traditional MHA".
        assertThat(KvCacheShape.of(26, 32, 128).bytes(2048, 1) / LLAMA_3B.bytes(2048, 1))
                .isEqualTo(4.0);
        assertThat(LLAMA_3B.bytes(0, 1)).isZero();
    }

    @Test
    void longestContextForABudget() {
        // 4.5 GB left (§3.3) / 53,248 bytes per token (INT8) = 84,510.6 → 84,510 tokens.
        assertThat(LLAMA_3B.maxContextTokens(4.5e9, 1)).isEqualTo(84_510);
        assertThat(LLAMA_3B.maxContextTokens(109_051_904, 1)).isEqualTo(2048);
        assertThat(LLAMA_3B.maxContextTokens(0, 1)).isZero();
    }

    @Test
    void orinNanoBudgetFromSeed004() {
        MemoryBudget orin = MemoryBudget.ofTotalBytes(8.0e9)
                .reserve("firmware carveouts", 0.4e9)
                .reserve("OS + kernel", 0.5e9)
                .reserve("CMA", 0.5e9)
                .reserve("CUDA runtime", 0.3e9);
        // 8.0 − 0.4 − 0.5 − 0.5 − 0.3 = 6.3 GB.
        assertThat(orin.availableBytes()).isCloseTo(6.3e9, within(1.0));
        assertThat(orin.reservedBytes().keySet())
                .containsExactly("firmware carveouts", "OS + kernel", "CMA", "CUDA runtime");
        assertThat(orin.totalBytes()).isEqualTo(8.0e9);
        // Llama 3.2 3B INT4 1.5 GB + KV (INT8, 2048) 0.1 GB + activations 0.2 GB → 4.5 GB remaining.
        MemoryFit llama = orin.check(1.5e9, 0.1e9, 0.2e9);
        assertThat(llama.fits()).isTrue();
        assertThat(llama.requiredBytes()).isCloseTo(1.8e9, within(1.0));
        assertThat(llama.remainingBytes()).isCloseTo(4.5e9, within(1.0));
        // With the exact KV cache (109 MB) it still fits, 4.491 GB left.
        assertThat(orin.check(1.5e9, LLAMA_3B.bytes(2048, 1), 0.2e9).remainingBytes())
                .isCloseTo(4.490948096e9, within(1.0));
        // Phi-3 Mini INT4 1.9 + KV (INT8, 4096) 0.3 + activations 0.3 → 3.8 GB remaining.
        assertThat(orin.check(1.9e9, 0.3e9, 0.3e9).remainingBytes()).isCloseTo(3.8e9, within(1.0));
        // "FP16: 3B × 2 bytes = 6.0 GB ← won't fit" once KV cache and activations are added.
        MemoryFit fp16 = orin.check(6.0e9, LLAMA_3B.bytes(2048, 2), 0.2e9);
        assertThat(fp16.fits()).isFalse();
        assertThat(fp16.remainingBytes()).isNegative();
        // Exactly full fits.
        assertThat(MemoryBudget.ofTotalBytes(1e9).check(1e9, 0, 0).fits()).isTrue();
        assertThat(orin.toString()).startsWith("MemoryBudget{total=8.0E9 B, reserved={firmware carveouts=4.0E8");
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> KvCacheShape.of(0, 8, 128))
                .hasMessage("layers, kvHeads and headDim must be at least 1: 0, 8, 128");
        assertThatThrownBy(() -> KvCacheShape.of(1, 0, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KvCacheShape.of(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LLAMA_3B.bytes(-1, 1)).hasMessage("contextTokens must not be negative: -1");
        assertThatThrownBy(() -> LLAMA_3B.bytes(1, 0)).hasMessage("bytesPerElement must be positive and finite: 0.0");
        assertThatThrownBy(() -> LLAMA_3B.maxContextTokens(-1, 1))
                .hasMessage("budgetBytes must be finite and not negative: -1.0");
        assertThatThrownBy(() -> MemoryBudget.ofTotalBytes(0))
                .hasMessage("totalBytes must be positive and finite: 0.0");
        MemoryBudget b = MemoryBudget.ofTotalBytes(1e9).reserve("OS", 1);
        assertThatThrownBy(() -> b.reserve("OS", 2)).hasMessage("'OS' is already reserved: 1.0");
        assertThatThrownBy(() -> b.reserve(" ", 2)).hasMessage("what must not be blank");
        assertThatThrownBy(() -> b.reserve("CMA", -2)).hasMessage("bytes must be finite and not negative: -2.0");
        assertThatThrownBy(() -> b.check(-1, 0, 0)).hasMessage("modelBytes must be finite and not negative: -1.0");
        assertThatThrownBy(() -> b.check(0, Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.check(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
