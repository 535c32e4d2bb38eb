package eu.municipia.privacy.control;

import java.time.Instant;
import java.util.List;

/**
 * A feature's share of a person's data (seminar registrations, newsletter subscriptions…): each
 * feature implements this once as a CDI bean, and the GDPR export and erasure ({@link
 * PersonalData}) take it in, so that no feature's personal data is forgotten. The export lists what
 * it holds about an address; the erasure forgets the person and keeps what counts (figures,
 * decisions).
 */
public interface PersonalDataSource {

  /** The section's name in the export (a JSON member name, e.g. "seminarRegistrations"). */
  String section();

  /** What the feature holds about the address (normalized: trimmed, lower case), as records. */
  List<?> export(String email);

  /** Forgets the person behind the address; answers how many records changed. */
  int erase(String email, Instant now);
}
