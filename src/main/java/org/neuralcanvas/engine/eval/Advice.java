package org.neuralcanvas.engine.eval;

/**
 * One note of the {@link TrainingAdvisor}, in the user's language.
 *
 * @param rule    which rule made it ({@code overfitting}, {@code flat_loss}, ...): a run says each once
 * @param epoch   the epoch (from 1) where the curve shows it
 * @param curve   the curve that shows it: {@code val_loss}, {@code loss}, {@code learning_rate}, {@code accuracy}
 * @param message what the curve says and what to try
 */
public record Advice(String rule, int epoch, String curve, String message) {

    /** The note as the Training tab's log shows it. */
    public String line() {
        return "💡 " + message;
    }
}
