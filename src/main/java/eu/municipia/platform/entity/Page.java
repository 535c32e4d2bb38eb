package eu.municipia.platform.entity;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, as every list API answers it and every list page shows it: how many
 * there are in all, where this page starts, how long pages are, and its items.
 */
public record Page<T>(long total, int offset, int limit, List<T> items) {

  /** The largest page a list API serves at once. */
  public static final int MAX_LIMIT = 500;

  public Page {
    items = List.copyOf(items);
  }

  /**
   * Checks a page request of a list API (offset from 0, limit 1 to {@link #MAX_LIMIT}). By hand,
   * not with Bean Validation: Payara's OpenAPI generator fails on @Min/@Max on query parameters.
   */
  public static void check(int offset, int limit) {
    if (offset < 0) {
      throw Refusal.invalid("offset", "page.error.offset");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Refusal.invalid("limit", "page.error.limit", MAX_LIMIT);
    }
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
    return new Page<>(total, offset, limit, items.stream().<R>map(mapping).toList());
  }
}
