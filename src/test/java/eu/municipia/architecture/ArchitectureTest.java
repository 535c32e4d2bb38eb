package eu.municipia.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import eu.municipia.tenancy.entity.SharedTable;
import eu.municipia.tenancy.entity.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnit;

/** The rules that keep tenant scoping impossible to forget. */
@AnalyzeClasses(packages = "eu.municipia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** One producer makes EntityManagers, bound to the tenant; a container-injected one is not. */
  @ArchTest
  static final ArchRule noPersistenceContextFields =
      noFields().should().beAnnotatedWith(PersistenceContext.class);

  @ArchTest
  static final ArchRule noPersistenceContextMethods =
      noMethods().should().beAnnotatedWith(PersistenceContext.class);

  @ArchTest
  static final ArchRule noPersistenceContextClasses =
      noClasses().should().beAnnotatedWith(PersistenceContext.class);

  @ArchTest
  static final ArchRule onlyTenancyOpensEntityManagers =
      fields()
          .that()
          .areAnnotatedWith(PersistenceUnit.class)
          .should()
          .beDeclaredInClassesThat()
          .resideInAPackage("eu.municipia.tenancy.control..");

  @ArchTest
  static final ArchRule onlyTenancyTouchesTheFactory =
      noClasses()
          .that()
          .resideOutsideOfPackage("eu.municipia.tenancy.control..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManagerFactory.class);

  /** Every entity is tenant-owned, unless it is explicitly shared reference data. */
  @ArchTest
  static final ArchRule entitiesAreTenantOwned =
      classes()
          .that()
          .areAnnotatedWith(Entity.class)
          .and()
          .areNotAnnotatedWith(SharedTable.class)
          .should()
          .beAssignableTo(TenantOwned.class);

  /** Entities know nothing of the layers that use them. */
  @ArchTest
  static final ArchRule entitiesDependOnNoBoundaryOrControl =
      noClasses()
          .that()
          .resideInAPackage("..entity..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..boundary..", "..control..");

  /** Control serves boundaries, never the other way round. */
  @ArchTest
  static final ArchRule controlDependsOnNoBoundary =
      noClasses()
          .that()
          .resideInAPackage("..control..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..boundary..")
          .allowEmptyShould(true);

  /**
   * Entities and control classes refuse with {@code Refusal} (which the API and the pages both
   * understand), never with JAX-RS exceptions, which only a resource can answer. CurrentCaller is
   * the one exception: "no caller" is the authentication wall's 401.
   */
  @ArchTest
  static final ArchRule controlAndEntitiesThrowNoJaxrsExceptions =
      noClasses()
          .that()
          .resideInAnyPackage("..control..", "..entity..")
          .and()
          .doNotHaveSimpleName("CurrentCaller")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(jakarta.ws.rs.WebApplicationException.class);

  /** Problem details are built in one place, so every error has the same shape and headers. */
  @ArchTest
  static final ArchRule problemsAreBuiltInOnePlace =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("eu.municipia.platform.boundary.Problems")
          .and()
          .doNotHaveFullyQualifiedName("eu.municipia.platform.entity.Problem")
          .should()
          .callConstructor(
              eu.municipia.platform.entity.Problem.class,
              String.class,
              String.class,
              int.class,
              String.class,
              java.util.List.class);
}
