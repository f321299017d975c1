/** One training run from settings to record, the same for the window and the command line: {@link org.neuralcanvas.engine.run.TrainingRun}. */
package org.neuralcanvas.engine.run;
