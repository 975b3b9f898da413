/**
 * The appliance simulator: registers appliances and sends realistic detections, with planted attacks, and mitigators'
 * endpoint statuses, forensic samples and pattern deployments, over the real API.
 */
package tmsp.simulator;
