/** Mouse interactions on the canvas, one class per gesture (connect, move, marquee, pan). */
package org.neuralcanvas.ui.canvas.gesture;
