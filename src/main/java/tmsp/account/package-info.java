/** Customer accounts, their contacts and the catalogue of managed services. */
package tmsp.account;
