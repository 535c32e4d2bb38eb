package eu.municipia.resolutions.entity;

/** What a vote decided, and by which rule: the quorum and the votes for that were needed. */
public record Decision(Outcome outcome, Majority majority, int quorum, int needed) {}
