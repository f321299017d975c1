/** Ready-made projects from the Keras tutorials, for "New from template". */
package org.neuralcanvas.project.templates;
