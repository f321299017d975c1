/** Benchmarks of the UI (main classes that print figures). */
package org.neuralcanvas.ui.bench;
