package eu.municipia.platform.entity;

import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectToFieldMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

/**
 * For a uuid column that may be NULL. EclipseLink binds a null of a UUID attribute as a VARCHAR,
 * which PostgreSQL refuses for a uuid column (measured: "column is of type uuid but expression is
 * of type character varying"); declaring the column's SQL type as OTHER makes the driver send an
 * untyped NULL. Values pass through unchanged (the driver binds java.util.UUID itself).
 */
public class NullableUuidConverter implements Converter {

  public static final String NAME = "nullable-uuid";

  @Override
  public Object convertObjectValueToDataValue(Object objectValue, Session session) {
    return objectValue;
  }

  @Override
  public Object convertDataValueToObjectValue(Object dataValue, Session session) {
    return dataValue == null || dataValue instanceof java.util.UUID
        ? dataValue
        : java.util.UUID.fromString(dataValue.toString());
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  public void initialize(DatabaseMapping mapping, Session session) {
    if (mapping instanceof DirectToFieldMapping direct) {
      direct.getField().setSqlType(java.sql.Types.OTHER);
    }
  }
}
