package org.neuralcanvas.engine.compile;

/**
 * How one layer kind becomes DL4J vertices: the single DL4J mapping of a kind, registered in
 * {@link Dl4jMappings}. It adds the node's vertices to the builder and says which vertex carries the node's
 * output. Throws {@link UnsupportedOperationException} with the user's sentence when a setting has no DL4J
 * counterpart.
 */
@FunctionalInterface
interface Dl4jMapping {

    Dl4jVertex add(NodeBuild b);

}
