/** ModelGraph: layer nodes and the edges between them, for Sequential and functional models. */
package org.neuralcanvas.domain.graph;
