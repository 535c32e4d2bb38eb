package eu.municipia.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/** An Arquillian test on Payara Micro with the test stack (PostgreSQL, Keycloak) running first. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StartTestStack.class)
@ExtendWith(ArquillianExtension.class)
public @interface MunicipiaIT {}
