package dev.optimlab.security.ui;

import dev.optimlab.security.AccountException;

/** The translation key that explains each account problem to the person at the form. */
final class AccountProblems {

    private AccountProblems() {
    }

    static String key(AccountException e) {
        return "security.problem." + e.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
