package dev.optimlab.classroom;

/** What joining a classroom by code gave: a classroom (new or already joined) or no classroom with that code. */
public sealed interface JoinResult {

    record Joined(Classroom classroom, boolean alreadyMember) implements JoinResult {
    }

    record UnknownCode(String code) implements JoinResult {
    }
}
