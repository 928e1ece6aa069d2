package dev.optimlab.security;

/** What an account may do. */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN
}
