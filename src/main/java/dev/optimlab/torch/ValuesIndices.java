package dev.optimlab.torch;

/** What {@code max(dim)} and {@code min(dim)} return: mirrors {@code torch.return_types.max} (values, indices). */
public record ValuesIndices(Tensor values, Tensor indices) {
}
