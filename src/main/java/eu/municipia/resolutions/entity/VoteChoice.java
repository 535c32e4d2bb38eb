package eu.municipia.resolutions.entity;

public enum VoteChoice {
  FOR,
  AGAINST,
  ABSTAIN
}
