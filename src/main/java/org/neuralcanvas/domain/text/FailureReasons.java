package org.neuralcanvas.domain.text;

/**
 * The part of an unexpected failure a user can read: for the catch-alls of the command line and the window, which
 * wrap it in their own sentence with the log file's place. Never a stack trace or an exception's class name.
 */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** Running out of memory says what to do; otherwise the innermost message that says something. */
    public static String of(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return Sentences.DOMAIN.say("failure.outOfMemory");
        }
        String reason = null;
        for (Throwable t = e; t != null && reason == null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            reason = m == null || m.isBlank() ? null : m.strip();
        }
        return reason != null ? reason : Sentences.DOMAIN.say("failure.noDescription");
    }
}
