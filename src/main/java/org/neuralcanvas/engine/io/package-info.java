/** Trained models on disk: a DL4J model zip with updater state plus our project JSON inside it. */
package org.neuralcanvas.engine.io;
