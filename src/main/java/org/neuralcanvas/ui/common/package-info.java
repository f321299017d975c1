/** Shared UI pieces: language bundles, user settings, selection, icons. */
package org.neuralcanvas.ui.common;
