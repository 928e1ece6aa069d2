package dev.optimlab.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Accounts by id and by username. */
public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);
}
