"""mnist_cnn: exported from NeuralCanvas.

Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):
    python mnist_cnn.py
"""
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(42)

# Data
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
# Pixels as floats in [0, 1], in the shape the model's Input expects.
x_train = x_train.reshape((-1, 28, 28, 1)).astype('float32') / 255
x_test = x_test.reshape((-1, 28, 28, 1)).astype('float32') / 255
y_train = keras.utils.to_categorical(y_train, 10)
y_test = keras.utils.to_categorical(y_test, 10)

# Model
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1), name='input_1'),
    layers.Conv2D(filters=32, kernel_size=(3, 3), activation='relu', name='conv2d'),
    layers.MaxPooling2D(name='max_pooling2d'),
    layers.Conv2D(filters=64, kernel_size=(3, 3), activation='relu', name='conv2d_1'),
    layers.MaxPooling2D(name='max_pooling2d_1'),
    layers.Flatten(name='flatten'),
    layers.Dropout(rate=0.5, name='dropout'),
    layers.Dense(units=10, activation='softmax', name='dense'),
], name='mnist_cnn')
model.summary()

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss='categorical_crossentropy',
    metrics=['accuracy'],
)

history = model.fit(
    x_train,
    y_train,
    epochs=15,
    batch_size=128,
    validation_split=0.1,
)

results = model.evaluate(x_test, y_test)
print('test:', results)
