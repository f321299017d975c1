/** Sentences for the user from code below the UI, in the user's language (bundles in resources). */
package org.neuralcanvas.domain.text;
