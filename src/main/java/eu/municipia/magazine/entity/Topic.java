package eu.municipia.magazine.entity;

import java.util.Arrays;
import java.util.Optional;

/** The topics of the magazine, as SMOPK sorts its good practice. */
public enum Topic {
  ENVIRONMENT,
  TRANSPORT,
  COMMUNITY,
  SMART,
  GRANTS,
  EVENTS,
  INTERNATIONAL;

  /** The topic of a name as the API and the filters give it (any case); empty for anything else. */
  public static Optional<Topic> parse(String name) {
    return name == null
        ? Optional.empty()
        : Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
  }

  /** Its message key ("topic.TRANSPORT"). */
  public String key() {
    return "topic." + name();
  }
}
