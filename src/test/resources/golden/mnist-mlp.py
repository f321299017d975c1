"""mnist_mlp: exported from NeuralCanvas.

Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):
    python mnist_mlp.py
"""
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(42)

# Data
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# Pixels as floats in [0, 1], in the shape the model's Input expects.
x_train = x_train.reshape((-1, 784)).astype('float32') / 255
x_test = x_test.reshape((-1, 784)).astype('float32') / 255
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)

# Model
model = keras.Sequential([
    keras.Input(shape=(784,), name='input_1'),
    layers.Dense(units=512, activation='relu', name='dense'),
    layers.Dropout(rate=0.2, name='dropout'),
    layers.Dense(units=10, activation='softmax', name='dense_1'),
], name='mnist_mlp')
model.summary()

model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.001),
    loss='categorical_crossentropy',
    metrics=['accuracy'],
)

history = model.fit(
    x_train,
    y_train,
    epochs=5,
    batch_size=128,
    validation_split=0.1,
)

results = model.evaluate(x_test, y_test)
print('test:', results)
