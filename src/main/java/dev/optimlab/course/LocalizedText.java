package dev.optimlab.course;

import java.util.Objects;

/** A text that content provides in both course languages. */
public record LocalizedText(String en, String zh) {

    public LocalizedText {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    public String get(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
