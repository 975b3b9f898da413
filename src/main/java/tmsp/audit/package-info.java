/** The system log: logons, account and contact changes, user changes — who, when, what, from where. */
package tmsp.audit;
