/** Threat mitigation: forensic cases, custom cleanup patterns, endpoint status reports, nonconforming endpoints. */
package tmsp.mitigation;
