package dev.optimlab.torch;

/**
 * Hand-written float32 loops for the element-wise ops that dominate training (add, mul, div and the fused
 * {@code a + alpha * b} of add/sub with alpha). Each constant has its own loop, so the JIT compiles a tight,
 * vectorisable loop per op instead of one loop that calls a different lambda per element; the arithmetic is
 * the same as the general path's.
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
            } else {
                for (int j = 0; j < n; j++, ip += sp, iq += sq) {
                    o[io + j] = Math.fma(alpha, q[iq], p[ip]);
                }
            }
        }
    };

    /** Writes n results to {@code o[io..]} (stride 1) from p and q read with strides sp and sq. */
    abstract void run(float[] o, int io, float[] p, int ip, int sp, float[] q, int iq, int sq, int n, float alpha);
}
