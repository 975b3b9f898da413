/** The appliance simulator: registers appliances and sends realistic detections, with planted attacks, over the real API. */
package tmsp.simulator;
