/** Threat incidents raised by correlation: their evidence, life cycle, pages, API and consolidated logs. */
package tmsp.incident;
