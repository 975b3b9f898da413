/** Parsing (CEF, LEEF, JSON, syslog), detection storage, uploads and quarantine. */
package tmsp.ingest;
