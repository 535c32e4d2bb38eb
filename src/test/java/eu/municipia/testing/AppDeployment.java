package eu.municipia.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Where a test class's app runs. A class whose {@code @Deployment(testable = false)} is the built
 * WAR unchanged ({@link Deployments#war()}), or a variant of it that several classes share (such as
 * {@link Deployments#warWithPoolOfTwo()}), gets that {@link SharedApp}: its {@code
 * ArquillianResource URL} fields point there. Every other class (a WAR changed for it alone, a test
 * inside the server) gets its own Payara Micro through Arquillian, exactly as before. So a test
 * class is written the same way either way.
 */
public class AppDeployment
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        BeforeTestExecutionCallback,
        InvocationInterceptor,
        ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(AppDeployment.class);

  private final ArquillianExtension arquillian = new ArquillianExtension();

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (shared(context)) {
      SharedApp.url(placement(context));
    } else {
      arquillian.beforeAll(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (!shared(context)) {
      arquillian.afterAll(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (shared(context)) {
      injectUrl(context.getRequiredTestInstance(), SharedApp.url(placement(context)));
    } else {
      arquillian.beforeEach(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!shared(context)) {
      arquillian.afterEach(context);
    }
  }

  @Override
  public void beforeTestExecution(ExtensionContext context) throws Exception {
    if (!shared(context)) {
      arquillian.beforeTestExecution(context);
    }
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptTestMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptTestTemplateMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptBeforeEachMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptAfterEachMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public void interceptBeforeAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptBeforeAllMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public void interceptAfterAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context)
      throws Throwable {
    if (shared(context)) {
      invocation.proceed();
    } else {
      arquillian.interceptAfterAllMethod(invocation, invocationContext, context);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return !shared(context) && arquillian.supportsParameter(parameter, context);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
      throws ParameterResolutionException {
    return arquillian.resolveParameter(parameter, context);
  }

  /** Starts the class's shared app, if its deployment is one; decided when it runs. */
  static Runnable sharedAppStart(ExtensionContext context) {
    return () -> {
      if (shared(context)) {
        SharedApp.url(placement(context));
      }
    };
  }

  /** Whether the class's app is a shared one, tested from outside. */
  private static boolean shared(ExtensionContext context) {
    return placement(context).variant().isPresent();
  }

  /** Decided once per class: which shared app, if any, runs its deployment. */
  private static Placement placement(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, AppDeployment::decide, Placement.class);
  }

  private static Placement decide(Class<?> testClass) {
    Optional<Method> deployment =
        Arrays.stream(testClass.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Deployment.class))
            .filter(m -> Modifier.isStatic(m.getModifiers()))
            .findFirst();
    if (deployment.isEmpty() || deployment.get().getAnnotation(Deployment.class).testable()) {
      return new Placement(Optional.empty(), null);
    }
    try {
      deployment.get().setAccessible(true);
      Archive<?> archive = (Archive<?>) deployment.get().invoke(null);
      Optional<String> variant = Deployments.sharedAs(archive);
      // Only a variant's app is made from the archive; the built WAR's is started from its file.
      boolean built = variant.filter(Deployments.AS_BUILT::equals).isPresent();
      return new Placement(variant, variant.isEmpty() || built ? null : archive);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read the deployment of " + testClass, e);
    }
  }

  /**
   * The shared app's variant ({@link Deployments#sharedAs}) and, for a variant of the built WAR,
   * the archive it runs; neither for a class's own deployment.
   */
  record Placement(Optional<String> variant, Archive<?> archive) {}

  private static void injectUrl(Object test, URL url) throws IllegalAccessException {
    for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (field.isAnnotationPresent(ArquillianResource.class) && field.getType() == URL.class) {
          field.setAccessible(true);
          field.set(test, url);
        }
      }
    }
  }
}
