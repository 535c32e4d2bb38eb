package eu.municipia.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test with the test stack (PostgreSQL, Keycloak, SMTP) running first, against the
 * app on Payara Micro: the one shared app where the class deploys the unchanged WAR from outside,
 * else its own deployment through Arquillian (see {@link AppDeployment}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StartTestStack.class)
@ExtendWith(AppDeployment.class)
public @interface MunicipiaIT {}
