/** The task list: the user tasks of every process, claimed, completed and looked back on in the portal. */
package tmsp.workflow;
