"""imdb_lstm: exported from NeuralCanvas.

Builds, compiles and trains the model with Keras (TensorFlow 2.x or Keras 3):
    python imdb_lstm.py
"""
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(42)

# Data
(x_train, y_train), (x_test, y_test) = keras.datasets.imdb.load_data(num_words=20000)
# Word indices, cut or padded to the Input's length.
x_train = keras.utils.pad_sequences(x_train, maxlen=200)
x_test = keras.utils.pad_sequences(x_test, maxlen=200)
y_train = np.asarray(y_train).astype('float32')
y_test = np.asarray(y_test).astype('float32')

# Model
model = keras.Sequential([
    keras.Input(shape=(200,), name='input_1'),
    layers.Embedding(input_dim=20000, output_dim=128, name='embedding'),
    layers.Bidirectional(layers.LSTM(units=64, return_sequences=True), name='bidirectional'),
    layers.Bidirectional(layers.LSTM(units=64), name='bidirectional_1'),
    layers.Dense(units=1, activation='sigmoid', name='dense'),
], name='imdb_lstm')
model.summary()

model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss='binary_crossentropy',
    metrics=['accuracy'],
)

history = model.fit(
    x_train,
    y_train,
    epochs=2,
    batch_size=32,
    validation_split=0.2,
)

results = model.evaluate(x_test, y_test)
print('test:', results)
