package eu.municipia.resolutions.entity;

public enum SeatRole {
  CHAIR,
  VICE_CHAIR,
  MEMBER
}
