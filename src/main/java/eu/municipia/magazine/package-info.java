/**
 * The magazine of good practice: articles written by editors (rich text sanitized on every save,
 * images and attachments kept in the database), their workflow from draft to archive, numbered
 * issues, the public archive with its search and feeds, and the articles shared with the union.
 */
package eu.municipia.magazine;
