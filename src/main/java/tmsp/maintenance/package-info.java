/** Log maintenance: how long each kind of stored data is kept, the purge that removes the rest, and what each uses. */
package tmsp.maintenance;
