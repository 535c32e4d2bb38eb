package eu.municipia.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The only source of EntityManagers. What it hands out forwards every call to the EntityManager of
 * the current transaction ({@link TransactionEntityManager}). Outside a transaction the transaction
 * scope is not active and every call fails, which is what we want: EclipseLink would otherwise take
 * a pooled connection per query, and the tenant setting would not hold.
 */
@ApplicationScoped
public class TenantEntityManagerProducer {

  @Inject TransactionEntityManager current;

  @Produces
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "equals" -> proxy == args[0];
                  case "hashCode" -> System.identityHashCode(proxy);
                  default -> "EntityManager of the current transaction";
                };
              }
              try {
                return method.invoke(current.get(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
