package dev.optimlab.security;

import java.util.EnumSet;
import java.util.Set;

/** What an account may do. A higher role includes the lower ones: an admin may do what an instructor may. */
public enum Role {
    LEARNER, INSTRUCTOR, ADMIN;

    /** This role and every role below it, as Spring Security's role hierarchy would expand it. */
    public Set<Role> included() {
        return EnumSet.range(LEARNER, this);
    }
}
