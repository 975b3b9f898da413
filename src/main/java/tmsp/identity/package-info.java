/** Users, roles, login, lock-out and the credentials people and appliances present. */
package tmsp.identity;
