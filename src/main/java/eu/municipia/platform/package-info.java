/**
 * What every feature stands on: configuration, schema, errors, health and the web shell, and the
 * building blocks a new feature reuses instead of writing its own (each is the one place for it):
 *
 * <ul>
 *   <li><b>Refusing a request</b>: entities and control classes throw {@link
 *       eu.municipia.platform.entity.Refusal} (invalid input, not found, conflict, gone, too large,
 *       too many) with field names and message keys; the API answers it as problem+json in English,
 *       a page shows it beside the fields ({@link eu.municipia.platform.boundary.FormMessages}).
 *       Problem details are built only by {@link eu.municipia.platform.boundary.Problems} (also
 *       from servlet filters).
 *   <li><b>Validation written once</b>: the input of a form is a record implementing {@link
 *       eu.municipia.platform.entity.Validated} ({@code errors()}: field to message key), used by
 *       the page and the resource alike (see {@code ApplicationForm}, {@code NewMember}).
 *   <li><b>Lists</b>: {@link eu.municipia.platform.entity.Page} is every list API's answer and
 *       {@code Page.check(offset, limit)} its paging check; a list page that is a GET form uses
 *       {@link eu.municipia.platform.boundary.Pager} and {@code /WEB-INF/includes/pager.xhtml}.
 *   <li><b>Public forms</b> (anyone may send them): {@code publicforms.control.PublicForms.admit}
 *       (honeypot, budgets per client and association), {@code Confirmations} (single-use e-mail
 *       links), {@link eu.municipia.platform.entity.EmailAddress}; such pages are stateless ({@code
 *       <ui:param name="stateless" value="true"/>}) so visitors get no session.
 *   <li><b>Links that leave the app</b> (mail, feeds, calendars): {@link
 *       eu.municipia.platform.control.Links}, never the Host header.
 *   <li><b>CSV</b>: {@link eu.municipia.platform.control.Csv} (tables in, spreadsheets out, formula
 *       cells defused); <b>uploads</b>: {@link eu.municipia.platform.control.Uploads} (streamed,
 *       capped); <b>races on unique keys</b>: {@link eu.municipia.platform.control.UniqueKeys}
 *       (409, not 500).
 *   <li><b>Search in Czech</b>: {@link eu.municipia.platform.control.CzechText} (Lucene's Czech
 *       stemmer with and without diacritics, as a {@code tsvector} and {@code tsquery} literal;
 *       highlighting of what was found); see {@code resolutions.control.RegisterQuery} for its use
 *       with a GIN index, trigram fallback and row-level security.
 *   <li><b>Tenant tables</b>: a migration calls {@code SELECT isolate_tenant_table('t');} for
 *       forced row-level security (V9); <b>demo data</b>: a {@link
 *       eu.municipia.platform.control.DemoSeed} bean, run by {@code DemoData}.
 * </ul>
 */
package eu.municipia.platform;
