package dev.optimlab.course;

import java.util.List;
import java.util.Optional;

/** The course as {@code course.yaml} orders it. */
public record Course(LocalizedText title, List<Chapter> chapters) {

    public Course {
        chapters = List.copyOf(chapters);
    }

    public Optional<Chapter> chapter(String slug) {
        return chapters.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }
}
