/** Threat correlation: rule sets from DRL, their compiled KieBase, correlation runs, the rule editor. */
package tmsp.correlation;
