/** The pieces of an exported Keras script: Python literals, layer constructor calls, data loading. */
package org.neuralcanvas.export.keras;
