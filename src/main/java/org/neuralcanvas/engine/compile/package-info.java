/** Graph → DL4J: one code path for Sequential and functional models, channels-last like Keras. */
package org.neuralcanvas.engine.compile;
