/** One-off tools run by developers (icon generator); not used by the app. */
package org.neuralcanvas.ui.tool;
