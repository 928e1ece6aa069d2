package dev.optimlab.course;

import java.util.Locale;

/** The course's languages. Codes are those of the content files ({@code chapter.en.md}, {@code chapter.zh.md}). */
public enum Lang {
    EN("en", "English", Locale.ENGLISH),
    ZH("zh", "简体中文", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final String nativeName;
    private final Locale locale;

    Lang(String code, String nativeName, Locale locale) {
        this.code = code;
        this.nativeName = nativeName;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    /** The name a speaker of the language reads in a language switch. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** Chinese for any zh locale, English otherwise. */
    public static Lang of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }
}
