"""functional_merge: exported from NeuralCanvas.

Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):
    python functional_merge.py
"""
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(7)

# Data
(x_train, y_train), (x_test, y_test) = keras.datasets.boston_housing.load_data()
# Standardise each feature with the training data's mean and standard deviation.
mean = x_train.mean(axis=0)
std = x_train.std(axis=0)
x_train = (x_train - mean) / std
x_test = (x_test - mean) / std

# Model
input_1 = keras.Input(shape=(13,), name='input_1')
dense = layers.Dense(units=64, activation='relu', name='dense')(input_1)
dense_1 = layers.Dense(units=64, activation='relu', name='dense_1')(dense)
batch_normalization = layers.BatchNormalization(name='batch_normalization')(dense_1)
add = layers.Add(name='add')([dense, batch_normalization])
dense_2 = layers.Dense(units=8, activation='tanh', use_bias=False, name='dense_2')(input_1)
concatenate = layers.Concatenate(name='concatenate')([add, dense_2])
dense_3 = layers.Dense(units=1, name='dense_3')(concatenate)
model = keras.Model(inputs=input_1, outputs=dense_3, name='functional_merge')
model.summary()

model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True, clipnorm=1.0),
    loss='mse',
    metrics=['mae'],
)

callbacks = [
    keras.callbacks.EarlyStopping(monitor='val_loss', patience=10, restore_best_weights=True),
]
history = model.fit(
    x_train,
    y_train,
    epochs=100,
    batch_size=16,
    validation_split=0.2,
    callbacks=callbacks,
)

results = model.evaluate(x_test, y_test)
print('test:', results)
