/** Understanding a trained model: test-set scores, confusion matrix, sample predictions, regression scatter, layer outputs, model export. */
package org.neuralcanvas.ui.results;
