package eu.municipia.membership.boundary;

import eu.municipia.membership.control.MemberDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The public coverage page (/{tenant}/coverage): figures and a table by district. */
@Named
@RequestScoped
public class CoveragePage {

  @Inject MemberDirectory directory;

  private MemberDirectory.Coverage coverage;

  public MemberDirectory.Coverage getCoverage() {
    if (coverage == null) {
      coverage = directory.coverage();
    }
    return coverage;
  }
}
