package org.neuralcanvas.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * What a run validates on, beside Keras's {@code validation_split}: the test set ({@code validation_data=(x_test,
 * y_test)}), or K-fold cross-validation as the Boston-housing chapter does it (K models from the same drawing, each
 * trained on K−1 parts of the training data and validated on the part left out).
 *
 * @param kind  how
 * @param folds K, for {@link Kind#K_FOLD}; kept when another kind is chosen, so switching back finds it
 */
public record ValidationPlan(Kind kind, int folds) {

    /** The K the Boston-housing notes use. */
    public static final int DEFAULT_FOLDS = 4;

    public enum Kind {
        /** {@code validation_split} of the training data, from its end (none when the split is 0). */
        SPLIT,
        /** The test split validates every epoch, as {@code validation_data=(x_test, y_test)}. */
        TEST_SET,
        /** K-fold cross-validation on the training data; the test split is left for the final model. */
        K_FOLD;

        /** The spelling in project files and on the command line: {@code split}, {@code test_set}, {@code k_fold}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ValidationPlan {
        // A missing or null kind in a project file reads as the split, which is what every run did before.
        kind = kind == null ? Kind.SPLIT : kind;
        folds = folds == 0 ? DEFAULT_FOLDS : folds;
    }

    public static ValidationPlan split() {
        return new ValidationPlan(Kind.SPLIT, DEFAULT_FOLDS);
    }

    public static ValidationPlan testSet() {
        return new ValidationPlan(Kind.TEST_SET, DEFAULT_FOLDS);
    }

    public static ValidationPlan kFold(int k) {
        return new ValidationPlan(Kind.K_FOLD, k);
    }

    @JsonIgnore
    public boolean isKFold() {
        return kind == Kind.K_FOLD;
    }

    public ValidationPlan withKind(Kind k) {
        return new ValidationPlan(k, folds);
    }
}
