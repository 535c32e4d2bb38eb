package eu.municipia.security;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the deployed app serves, found by itself so that a new endpoint or view is in the matrix
 * without anyone adding it: the API operations that the app's OpenAPI document lists, and the Faces
 * views in the built WAR.
 *
 * @param operations "GET /api/v1/tenants/{tenant}/me" to its OpenAPI operation
 * @param views "VIEW /{tenant}/join" to the view's file in the WAR ("t/join.xhtml")
 */
record ServedEndpoints(Map<String, JsonObject> operations, Map<String, String> views) {

  /** Where TenantFilter finds an association's views: "/smopk/join" is "t/join.xhtml". */
  static final String TENANT_VIEWS = "t/";

  static ServedEndpoints of(JsonObject openApi, File war) {
    Map<String, JsonObject> operations = new TreeMap<>();
    openApi
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, operation) -> {
                          if (HTTP_METHODS.contains(method)) {
                            operations.put(
                                method.toUpperCase(Locale.ROOT) + " " + path,
                                operation.asJsonObject());
                          }
                        }));
    return new ServedEndpoints(
        Collections.unmodifiableMap(operations), Collections.unmodifiableMap(views(war)));
  }

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** Every row key, API operations and views alike. */
  Set<String> keys() {
    Set<String> keys = new TreeSet<>(operations.keySet());
    keys.addAll(views.keySet());
    return keys;
  }

  /**
   * The views: every {@code .xhtml} outside WEB-INF, at the address people use. An association's
   * views ({@code t/members/dues.xhtml}) are at {@code /{tenant}/members/dues} ({@code
   * t/home.xhtml} at {@code /{tenant}/}), the platform's ({@code platform/register.xhtml}) at
   * {@code /platform/register}, the welcome file at {@code /}; any other at its own path.
   */
  static Map<String, String> views(File war) {
    Map<String, String> views = new TreeMap<>();
    try (ZipFile zip = new ZipFile(war)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (entry.isDirectory()
            || !name.endsWith(".xhtml")
            || name.startsWith("WEB-INF/")
            || name.startsWith("META-INF/")) {
          continue;
        }
        views.put(MatrixTable.Row.VIEW + " " + address(name), name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return views;
  }

  static String address(String viewFile) {
    String page = viewFile.substring(0, viewFile.length() - ".xhtml".length());
    if (page.equals("index")) {
      return "/";
    }
    if (page.equals(TENANT_VIEWS + "home")) {
      return "/{tenant}/";
    }
    if (page.startsWith(TENANT_VIEWS)) {
      return "/{tenant}/" + page.substring(TENANT_VIEWS.length());
    }
    if (page.startsWith("platform/")) {
      return "/" + page;
    }
    return "/" + viewFile;
  }

  /**
   * The API operations that the JAX-RS classes in the WAR declare, found by reflection: the
   * matrix's check that the OpenAPI document leaves none out (public ones, CSV ones, …).
   */
  static Set<String> declaredOperations(File war) {
    List<Class<?>> classes = classesIn(war);
    String root =
        classes.stream()
            .map(c -> c.getAnnotation(ApplicationPath.class))
            .filter(a -> a != null)
            .map(ApplicationPath::value)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No @ApplicationPath class in " + war));
    Set<String> operations = new TreeSet<>();
    for (Class<?> resource : classes) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        Path methodPath = method.getAnnotation(Path.class);
        String httpMethod = httpMethod(method);
        if (httpMethod == null && methodPath != null) {
          throw new IllegalStateException(
              method
                  + " is a sub-resource locator: teach ServedEndpoints to follow it, so that the"
                  + " endpoint matrix sees its operations");
        }
        if (httpMethod != null) {
          operations.add(
              httpMethod
                  + " "
                  + join(root, classPath.value(), methodPath == null ? "" : methodPath.value()));
        }
      }
    }
    return operations;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** "/api/v1" + "tenants/{tenant}" + "{id: [0-9]+}": one path, templates without their regex. */
  static String join(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      for (String segment : part.split("/")) {
        if (!segment.isEmpty()) {
          path.append('/').append(segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}"));
        }
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  private static List<Class<?>> classesIn(File war) {
    String prefix = "WEB-INF/classes/";
    List<Class<?>> classes = new ArrayList<>();
    ClassLoader loader = ServedEndpoints.class.getClassLoader();
    try (ZipFile zip = new ZipFile(war)) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (name.startsWith(prefix) && name.endsWith(".class") && !name.contains("package-info")) {
          String className =
              name.substring(prefix.length(), name.length() - ".class".length()).replace('/', '.');
          classes.add(Class.forName(className, false, loader));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("A class of the WAR is not on the test classpath", e);
    }
    return classes;
  }
}
