package dev.optimlab.app.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/exercises/{id}/grade}. */
@Schema(description = "A program to grade")
record GradeRequest(
        @Schema(description = "The Python program, at most 100 KiB in UTF-8", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "import torch\nprint(torch.tensor([1.0]))\n")
        String code,
        @Schema(description = "Language of the feedback", allowableValues = {"en", "zh"}, defaultValue = "en")
        String lang) {
}
