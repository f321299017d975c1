/** Undoable edits of a graph and the one history that owns them. */
package org.neuralcanvas.domain.edit;
