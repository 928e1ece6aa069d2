package dev.optimlab.torch;

/**
 * Mirrors ATen's CPU capability ({@code ATEN_CPU_CAPABILITY}, printed by {@code torch.__config__.show()}):
 * which compiled copy of a kernel PyTorch runs. For random numbers it decides whether
 * {@code x * (to - from) + from} and {@code value * std + mean} are fused, and which float32 normal
 * block is used.
 */
public enum CpuCapability {
    /** CPUs without AVX2 (and {@code ATEN_CPU_CAPABILITY=default}): unfused arithmetic, glibc's logf/sinf/cosf. */
    DEFAULT,
    /** x86-64 CPUs with AVX2 but not AVX-512: fused arithmetic, the Cephes AVX2 normal block. */
    AVX2,
    /**
     * x86-64 CPUs with AVX-512: fused arithmetic as AVX2, but the normal block is the generic one
     * with glibc's logf/sinf/cosf, because PyTorch guards its AVX2 block with CPU_CAPABILITY_AVX2.
     */
    AVX512
}
