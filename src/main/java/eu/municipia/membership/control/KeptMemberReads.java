package eu.municipia.membership.control;

import eu.municipia.platform.control.ReadCache;
import eu.municipia.platform.entity.Page;
import eu.municipia.tenancy.control.TenantContext;
import eu.municipia.tenancy.entity.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * The member directory's public reads through the read cache: the API and the pages ask here, so
 * that the same read has the same key wherever it is asked. Not transactional on purpose: a kept
 * answer costs no transaction; a read that is not kept opens {@link MemberDirectory}'s own. Its
 * answers are shared between requests and must not be changed.
 */
@ApplicationScoped
public class KeptMemberReads {

  @Inject MemberDirectory directory;
  @Inject ReadCache cache;
  @Inject TenantContext tenants;

  /** {@link MemberDirectory#search}; the caller has checked that it may see these statuses. */
  public Page<MemberDirectory.Member> search(
      String query,
      String district,
      List<String> statuses,
      MemberDirectory.Sort sort,
      int offset,
      int limit) {
    String q = query == null || query.isBlank() ? null : query.trim();
    String d = district == null || district.isBlank() ? null : district;
    return cache.get(
        key("members", q, d, List.copyOf(statuses), sort, offset, limit),
        () -> directory.search(q, d, statuses, sort, offset, limit));
  }

  /** {@link MemberDirectory#coverage}. */
  public MemberDirectory.Coverage coverage() {
    return cache.get(regional("coverage"), directory::coverage);
  }

  /** {@link MemberDirectory#mapPoints}. */
  public List<MemberDirectory.MapPoint> mapPoints() {
    return cache.get(key("map"), directory::mapPoints);
  }

  /** {@link MemberDirectory#districts}. */
  public List<String> districts() {
    return cache.get(regional("districts"), directory::districts);
  }

  /** A read of the association's region: its region and country are settings, not counted rows. */
  private ReadCache.Key regional(String read) {
    Tenant tenant = tenants.current();
    return key(read, tenant.region().orElse(null), tenant.country());
  }

  private ReadCache.Key key(String read, Object... parameters) {
    return new ReadCache.Key(tenants.current().id(), read, Arrays.asList(parameters));
  }
}
