package eu.municipia.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import eu.municipia.identity.entity.Caller;
import eu.municipia.identity.entity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleCacheTest {

  private static final String ISSUER = "https://login.example/realms/municipia";

  private RoleCache cache;
  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final AtomicInteger loads = new AtomicInteger();

  @BeforeEach
  void setUp() {
    cache = new RoleCache();
    cache.lifetimeSeconds = 300;
    cache.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    cache.listening(true);
  }

  private Set<Role> roles(String tenant, String subject, Set<Role> stored) {
    return cache.rolesOf(
        tenant,
        new Caller(ISSUER, subject, subject, null, null, Set.of(tenant), false),
        () -> {
          loads.incrementAndGet();
          return stored;
        });
  }

  @Test
  void rolesAreLoadedOncePerPersonAndAssociationUntilTheyExpire() {
    roles("smopk", "anna", Set.of(Role.EDITOR));
    roles("smopk", "anna", Set.of(Role.EDITOR));
    roles("smocr", "anna", Set.of());
    assertThat(loads).hasValue(2);
    now = now.plus(Duration.ofSeconds(301));
    roles("smopk", "anna", Set.of(Role.EDITOR));
    assertThat(loads).hasValue(3);
  }

  @Test
  void anEvictionForgetsOnlyThatPersonInThatAssociation() {
    roles("smopk", "anna", Set.of(Role.EDITOR));
    roles("smopk", "petr", Set.of());
    cache.evict("smopk", "anna");
    assertThat(roles("smopk", "anna", Set.of(Role.ASSOCIATION_ADMIN)))
        .containsExactly(Role.ASSOCIATION_ADMIN);
    roles("smopk", "petr", Set.of());
    assertThat(loads).hasValue(3);
  }

  @Test
  void aLoadThatAChangeOvertookIsNotKept() {
    cache.rolesOf(
        "smopk",
        new Caller(ISSUER, "anna", "anna", null, null, Set.of("smopk"), false),
        () -> {
          loads.incrementAndGet();
          cache.evict("smopk", "anna"); // the grant commits while the old roles are being read
          return Set.of();
        });
    roles("smopk", "anna", Set.of(Role.EDITOR));
    assertThat(loads).hasValue(2);
  }

  @Test
  void withoutTheListenerNothingIsKept() {
    roles("smopk", "anna", Set.of());
    cache.listening(false);
    roles("smopk", "anna", Set.of());
    roles("smopk", "anna", Set.of());
    assertThat(loads).hasValue(3);
    assertThat(cache.size()).isZero();
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i < RoleCache.MAX_ENTRIES + 50; i++) {
      roles("smopk", "person-" + i, Set.of());
    }
    assertThat(cache.size()).isEqualTo(RoleCache.MAX_ENTRIES);
  }
}
