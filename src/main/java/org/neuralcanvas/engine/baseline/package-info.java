/** Simple models fitted beside every run on the same features (least squares, majority class, logistic regression): the bar a network has to clear. */
package org.neuralcanvas.engine.baseline;
