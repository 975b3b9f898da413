/**
 * Rule authoring: rule set versions and drafts in the database, their check, test, review and publication.
 * Internal to the correlation module.
 */
package tmsp.correlation.authoring;
