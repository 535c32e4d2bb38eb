package eu.municipia.tenancy.entity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity of a table shared by all tenants (reference data such as the municipality
 * register), written only by platform administration. Every other entity must extend {@link
 * TenantOwned}; an architecture test enforces it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedTable {}
