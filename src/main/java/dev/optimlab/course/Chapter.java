package dev.optimlab.course;

import java.util.regex.Pattern;

/**
 * One chapter of the course. Its folder is {@code NN-slug} under the content root; the slug (the folder name
 * without the number) is what URLs use.
 */
public record Chapter(int number, String folder, String slug, LocalizedText title) {

    static final Pattern FOLDER = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)");

    /** The path of the chapter's text in a language, relative to the content root. */
    public String textPath(Lang lang) {
        return folder + "/chapter." + lang.code() + ".md";
    }
}
