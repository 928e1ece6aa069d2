package dev.optimlab.pylite.bridge;

import dev.optimlab.pylite.runtime.PyModule;

/** {@code torch.cuda} on a machine without a GPU: {@code is_available()} is False, as learners check. */
final class CudaModule {
    private CudaModule() {
    }

    static PyModule create() {
        PyModule m = new PyModule("torch.cuda");
        m.define("is_available", Host.function("is_available", (in, a, k) -> false));
        m.define("device_count", Host.function("device_count", (in, a, k) -> 0L));
        m.define("amp", AmpModule.cudaAmp());
        return m;
    }
}
