package eu.municipia.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the {@link TestStack} before the first test class that needs it. */
public class StartTestStack implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    // Inside Payara (Arquillian in-container tests) the stack is already running outside.
    if (System.getProperty("com.sun.aas.instanceRoot") == null) {
      // The class's shared app, if it has one, starts beside Keycloak: it needs only the database.
      TestStack.get(AppDeployment.sharedAppStart(context));
    }
  }
}
