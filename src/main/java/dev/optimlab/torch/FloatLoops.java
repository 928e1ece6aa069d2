package dev.optimlab.torch;

/**
 * Hand-written float32 loops for the element-wise ops that dominate training, mirroring ATen's
 * {@code BinaryOpsKernel}. Each constant has its own loops (both operands unit-stride, one of them a broadcast
 * scalar, or any strides), so the JIT compiles a tight, vectorisable loop per op instead of one loop that calls
 * a different lambda per element; the arithmetic is the same as the general path's.
 */
enum FloatLoops {
    ADD {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] + q[iq + j];
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] + c;
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] + q[iq];
                }
            }
        }
    },
    MUL {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] * q[iq + j];
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] * c;
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] * q[iq];
                }
            }
        }
    },
    DIV {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] / q[iq + j];
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = p[ip + j] / c;
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = p[ip] / q[iq];
                }
            }
        }
    },
    /** {@code a + alpha * b} rounded once, as ATen's contracted add kernel. */
    ADD_SCALED {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = Math.fma(alpha, q[iq + j], p[ip + j]);
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = Math.fma(alpha, c, p[ip + j]);
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = Math.fma(alpha, q[iq], p[ip]);
                }
            }
        }
    },
    /** {@code torch.maximum}: the larger value, NaN if either is NaN. */
    MAXIMUM {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = Arithmetic.maxPropagatingNaN(p[ip + j], q[iq + j]);
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = Arithmetic.maxPropagatingNaN(p[ip + j], c);
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = Arithmetic.maxPropagatingNaN(p[ip], q[iq]);
                }
            }
        }
    },
    /** {@code torch.minimum}: the smaller value, NaN if either is NaN. */
    MINIMUM {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    o[io + j] = Arithmetic.minPropagatingNaN(p[ip + j], q[iq + j]);
                }
            } else if (sp == 1 && sq == 0) {
                float c = q[iq];
                for (int j = 0; j < n; j++) {
                    o[io + j] = Arithmetic.minPropagatingNaN(p[ip + j], c);
                }
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = Arithmetic.minPropagatingNaN(p[ip], q[iq]);
                }
            }
        }
    },
    /** ATen's lerp of p towards q with weight {@code alpha}, for in-place {@code lerp_}. */
    LERP {
        @Override
        void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha) {
            boolean near = Math.abs(alpha) < 0.5f;
            float complement = 1 - alpha;
            if (sp == 1 && sq == 1 && near) {
                for (int j = 0; j < n; j++) {
                    float s = p[ip + j];
                    o[io + j] = Math.fma(alpha, q[iq + j] - s, s);
                }
                return;
            }
            if (sp == 1 && sq == 1) {
                for (int j = 0; j < n; j++) {
                    float e = q[iq + j];
                    o[io + j] = Math.fma(-(e - p[ip + j]), complement, e);
                }
                return;
            }
            for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                float s = p[ip];
                float e = q[iq];
                o[io + j] = near ? Math.fma(alpha, e - s, s) : Math.fma(-(e - s), complement, e);
            }
        }
    };

    /** Writes n results to {@code o[io..]} (stride 1) from p and q read with strides sp and sq. */
    abstract void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha);
}
