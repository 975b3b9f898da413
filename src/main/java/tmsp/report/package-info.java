/** Reports: daily, weekly and monthly reports of an account as PDF, their archive, recipients and distribution. */
package tmsp.report;
