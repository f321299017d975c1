/** Setting up a run and watching it learn: the Train panel, the live dashboard (progress, charts, log) and the run history. */
package org.neuralcanvas.ui.training;
