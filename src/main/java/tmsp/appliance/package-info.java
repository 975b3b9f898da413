/** Registered products (discovery appliances and mitigators): registration, heartbeats, their list per account. */
package tmsp.appliance;
