/** The layout, navigation, shared fragments, formatting and error pages every feature's views use. */
package tmsp.web;
