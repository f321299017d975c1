"""boston: exported from NeuralCanvas.

Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):
    python boston.py
"""
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(42)

# Data
(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
# Standardise each feature with the training data's mean and standard deviation.
mean = x_train.mean(axis=0)
std = x_train.std(axis=0)
x_train = (x_train - mean) / std
x_test = (x_test - mean) / std

# Model: a new one for each fold
def build_model():
    model = keras.Sequential([
        keras.Input(shape=(13,), name='input_1'),
        layers.Dense(units=64, activation='relu', name='dense'),
        layers.Dense(units=64, activation='relu', name='dense_1'),
        layers.Dense(units=1, name='dense_2'),
    ], name='boston')
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.001),
        loss='mse',
        metrics=['mae'],
    )
    return model


build_model().summary()

# K-fold cross-validation: 4 models, each validated on one part of the training data.
# (NeuralCanvas deals the parts after its own seeded shuffle; the figures differ a little.)
k = 4
parts = np.array_split(np.random.default_rng(42).permutation(len(y_train)), k)
take = lambda x, rows: [a[rows] for a in x] if isinstance(x, list) else x[rows]
all_histories = []
for i in range(k):
    print(f"Processing fold {i + 1}/{k}")
    val_rows = parts[i]
    train_rows = np.concatenate([p for j, p in enumerate(parts) if j != i])
    model = build_model()
    history = model.fit(
        take(x_train, train_rows),
        take(y_train, train_rows),
        validation_data=(take(x_train, val_rows), take(y_train, val_rows)),
        epochs=100,
        batch_size=16,
        verbose=0,
    )
    all_histories.append(history.history)

key = 'val_mae'
epochs = min(len(h[key]) for h in all_histories)
mean_curve = [np.mean([h[key][e] for h in all_histories]) for e in range(epochs)]
scores = [h[key][-1] for h in all_histories]
print(key, "of each fold:", scores, "mean:", np.mean(scores), "±", np.std(scores))

# The notes' moving average of the mean curve, leaving out the first 10 epochs (on another scale), to choose the epochs.
skip = 10 if epochs > 20 else 0
factor = 0.9
smoothed = []
for point in mean_curve[skip:]:
    smoothed.append(smoothed[-1] * factor + point * (1 - factor) if smoothed else point)
best_epoch = skip + int(np.argmin(smoothed)) + 1
print("The smoothed mean", key, "is best at epoch", best_epoch)

# The final model: all the training data, the chosen epochs.
model = build_model()
model.fit(x_train, y_train, epochs=best_epoch, batch_size=16)

results = model.evaluate(x_test, y_test)
print('test:', results)
