"""Writes the Keras .h5 test files of NeuralCanvas's importer (needs python3-h5py and numpy only).

Each file has the layout Keras's model.save(...) writes: root attributes keras_version, backend,
model_config (JSON) and training_config, and a model_weights group with layer_names and, per
layer, weight_names and the weight datasets. Where each configuration comes from is written in
docs/keras-import-test-files.md. Run from this folder: /usr/bin/python3 generate.py
"""
import json

import h5py
import numpy as np

rng = np.random.default_rng(7)


def glorot():
    return {"class_name": "VarianceScaling",
            "config": {"distribution": "uniform", "scale": 1.0, "mode": "fan_avg", "seed": None}}


def dense(name, units, activation, **extra):
    cfg = {"name": name, "trainable": True, "units": units, "activation": activation, "use_bias": True,
           "kernel_initializer": glorot(), "bias_initializer": {"class_name": "Zeros", "config": {}},
           "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
           "kernel_constraint": None, "bias_constraint": None}
    cfg.update(extra)
    return {"class_name": "Dense", "config": cfg}


def conv2d(name, filters, activation, **extra):
    cfg = {"name": name, "trainable": True, "filters": filters, "kernel_size": [3, 3], "strides": [1, 1],
           "padding": "valid", "data_format": "channels_last", "dilation_rate": [1, 1], "activation": activation,
           "use_bias": True, "kernel_initializer": glorot(), "bias_initializer": {"class_name": "Zeros", "config": {}},
           "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
           "kernel_constraint": None, "bias_constraint": None}
    cfg.update(extra)
    return {"class_name": "Conv2D", "config": cfg}


def simple(cls, name, **cfg):
    cfg.update({"name": name, "trainable": True})
    return {"class_name": cls, "config": cfg}


def recurrent(cls, name, units, **extra):
    cfg = {"name": name, "trainable": True, "return_sequences": False, "return_state": False,
           "go_backwards": False, "stateful": False, "unroll": False, "units": units, "activation": "tanh",
           "recurrent_activation": "sigmoid" if cls != "SimpleRNN" else None, "use_bias": True,
           "kernel_initializer": glorot(),
           "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
           "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": True,
           "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
           "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
           "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 1}
    if cls == "SimpleRNN":
        del cfg["recurrent_activation"]
        del cfg["unit_forget_bias"]
    cfg.update(extra)
    return {"class_name": cls, "config": cfg}


def functional(layers, inputs, outputs, name, class_name="Model"):
    return {"class_name": class_name,
            "config": {"name": name, "layers": layers, "input_layers": [[i, 0, 0] for i in inputs],
                       "output_layers": [[o, 0, 0] for o in outputs]}}


def node(layer, *inbound):
    layer = dict(layer)
    layer["name"] = layer["config"]["name"]
    layer["inbound_nodes"] = [[[i, 0, 0, {}] for i in inbound]] if inbound else []
    return layer


def save(path, model_config, keras_version, weights, training=None, compress=False):
    """weights: list of (layer_name, [(weight_name, array), ...]) in layer order."""
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = keras_version.encode()
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(model_config).encode()
        if training is not None:
            f.attrs["training_config"] = json.dumps(training).encode()
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = np.array([n.encode() for n, _ in weights])
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = keras_version.encode()
        for layer_name, ws in weights:
            lg = g.create_group(layer_name)
            lg.attrs["weight_names"] = np.array([w.encode() for w, _ in ws])
            for wname, arr in ws:
                kw = {"compression": "gzip"} if compress else {}
                lg.create_dataset(wname, data=arr.astype("float32"), **kw)


def w(*shape, zeros=False):
    return np.zeros(shape, "float32") if zeros else (rng.standard_normal(shape) * 0.05).astype("float32")


def dense_weights(name, n_in, units):
    return (name, [(f"{name}/kernel:0", w(n_in, units)), (f"{name}/bias:0", w(units))])


def conv_weights(name, c_in, filters):
    return (name, [(f"{name}/kernel:0", w(3, 3, c_in, filters)), (f"{name}/bias:0", w(filters))])


TRAINING = {"optimizer_config": {"class_name": "RMSprop", "config": {"lr": 0.001, "rho": 0.9}},
            "loss": "categorical_crossentropy", "metrics": ["accuracy"], "sample_weight_mode": None,
            "loss_weights": None}

# 1. Keras 2.2.4 Sequential MLP (keras/examples/mnist_mlp.py, hidden layers narrowed to 64 to keep the file small).
mlp = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
    dense("dense_1", 64, "relu", batch_input_shape=[None, 784], dtype="float32"),
    simple("Dropout", "dropout_1", rate=0.2, noise_shape=None, seed=None),
    dense("dense_2", 64, "relu"),
    simple("Dropout", "dropout_2", rate=0.2, noise_shape=None, seed=None),
    dense("dense_3", 10, "softmax")]}}
save("keras2_sequential_mlp.h5", mlp, "2.2.4",
     [dense_weights("dense_1", 784, 64), ("dropout_1", []), dense_weights("dense_2", 64, 64), ("dropout_2", []),
      dense_weights("dense_3", 64, 10)], TRAINING)

# 2. Keras 2.1.1 functional MNIST convnet as tfjs-layers' models_test.ts holds it (model.to_json()).
cnn_layers = [
    node(simple("InputLayer", "input_6", batch_input_shape=[None, 28, 28, 1], sparse=False, dtype="float32")),
    node(conv2d("conv2d_15", 32, "relu"), "input_6"),
    node(conv2d("conv2d_16", 64, "relu"), "conv2d_15"),
    node(simple("MaxPooling2D", "max_pooling2d_8", padding="valid", strides=[2, 2], pool_size=[2, 2],
                data_format="channels_last"), "conv2d_16"),
    node(simple("Dropout", "dropout_15", rate=0.25, noise_shape=None, seed=None), "max_pooling2d_8"),
    node(simple("Flatten", "flatten_8"), "dropout_15"),
    node(dense("dense_15", 128, "relu"), "flatten_8"),
    node(simple("Dropout", "dropout_16", rate=0.5, noise_shape=None, seed=None), "dense_15"),
    node(dense("dense_16", 10, "softmax"), "dropout_16")]
save("keras2_functional_mnist_cnn.h5", functional(cnn_layers, ["input_6"], ["dense_16"], "mnist"), "2.1.1",
     [("input_6", []), conv_weights("conv2d_15", 1, 32), conv_weights("conv2d_16", 32, 64), ("max_pooling2d_8", []),
      ("dropout_15", []), ("flatten_8", []),
      ("dense_15", [("dense_15/kernel:0", w(9216, 128, zeros=True)), ("dense_15/bias:0", w(128))]),
      ("dropout_16", []), dense_weights("dense_16", 128, 10)], TRAINING, compress=True)

# 3. Keras 2.4 functional model with a residual Add and a Concatenate (keras.io functional API guide, toy ResNet
#    block pattern, on vectors).
res_layers = [
    node(simple("InputLayer", "input_1", batch_input_shape=[None, 32], sparse=False, ragged=False, dtype="float32")),
    node(dense("dense", 32, "relu"), "input_1"),
    node(dense("dense_1", 32, "relu"), "dense"),
    node(simple("BatchNormalization", "batch_normalization", axis=[1], momentum=0.99, epsilon=0.001, center=True,
                scale=True), "dense_1"),
    node(simple("Add", "add"), "dense", "batch_normalization"),
    node(dense("dense_2", 8, "relu"), "input_1"),
    node(simple("Concatenate", "concatenate", axis=-1), "add", "dense_2"),
    node(dense("dense_3", 1, "sigmoid"), "concatenate")]
bn = ("batch_normalization", [(f"batch_normalization/{n}:0", w(32)) for n in ("gamma", "beta", "moving_mean")]
      + [("batch_normalization/moving_variance:0", np.ones(32, "float32"))])
save("keras2_functional_residual.h5", functional(res_layers, ["input_1"], ["dense_3"], "residual", "Functional"),
     "2.4.0", [("input_1", []), dense_weights("dense", 32, 32), dense_weights("dense_1", 32, 32), bn, ("add", []),
               dense_weights("dense_2", 32, 8), ("concatenate", []), dense_weights("dense_3", 40, 1)])

# 4. Keras 2 stacked LSTM for sequence classification (Keras 2 "Getting started with the Sequential model" guide).
lstm = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
    recurrent("LSTM", "lstm_1", 32, return_sequences=True, batch_input_shape=[None, 8, 16], dtype="float32"),
    recurrent("LSTM", "lstm_2", 32, return_sequences=True),
    recurrent("LSTM", "lstm_3", 32),
    dense("dense_1", 10, "softmax")]}}


def lstm_weights(name, n_in, units):
    return (name, [(f"{name}/kernel:0", w(n_in, 4 * units)), (f"{name}/recurrent_kernel:0", w(units, 4 * units)),
                   (f"{name}/bias:0", w(4 * units))])


save("keras2_sequential_lstm.h5", lstm, "2.2.4",
     [lstm_weights("lstm_1", 16, 32), lstm_weights("lstm_2", 32, 32), lstm_weights("lstm_3", 32, 32),
      dense_weights("dense_1", 32, 10)], TRAINING)

# 4b. The same kind of model as TF 2.x's Keras 2.9 saves it: an InputLayer inside Sequential and
#     weights under <layer>/lstm_cell/.
lstm_tf2 = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    simple("InputLayer", "lstm_input", batch_input_shape=[None, 8, 16], dtype="float32", sparse=False, ragged=False),
    recurrent("LSTM", "lstm", 32, return_sequences=True),
    recurrent("LSTM", "lstm_1", 32),
    dense("dense", 10, "softmax")]}}


def lstm_cell_weights(name, n_in, units):
    return (name, [(f"{name}/lstm_cell/kernel:0", w(n_in, 4 * units)),
                   (f"{name}/lstm_cell/recurrent_kernel:0", w(units, 4 * units)),
                   (f"{name}/lstm_cell/bias:0", w(4 * units))])


save("keras2_tf2_sequential_lstm.h5", lstm_tf2, "2.9.0",
     [lstm_cell_weights("lstm", 16, 32), lstm_cell_weights("lstm_1", 32, 32), dense_weights("dense", 32, 10)],
     {"optimizer_config": {"class_name": "Adam", "config": {"name": "Adam", "learning_rate": 0.0005}},
      "loss": "sparse_categorical_crossentropy", "metrics": [[{"class_name": "MeanMetricWrapper",
                                                               "config": {"name": "accuracy"}}]]})

# 5. A GRU, which NeuralCanvas has no layer for (keras.io "Working with RNNs" guide, narrowed).
gru = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    simple("InputLayer", "embedding_input", batch_input_shape=[None, None], dtype="float32", sparse=False,
           ragged=False),
    simple("Embedding", "embedding", input_dim=1000, output_dim=64, embeddings_initializer={
        "class_name": "RandomUniform", "config": {"minval": -0.05, "maxval": 0.05, "seed": None}},
           mask_zero=False, input_length=None),
    recurrent("GRU", "gru", 32, return_sequences=True, reset_after=True),
    recurrent("SimpleRNN", "simple_rnn", 16),
    dense("dense", 10, "linear")]}}
save("keras2_sequential_gru.h5", gru, "2.4.0",
     [("embedding", [("embedding/embeddings:0", w(1000, 64, zeros=True))]),
      ("gru", [("gru/gru_cell/kernel:0", w(64, 96)), ("gru/gru_cell/recurrent_kernel:0", w(32, 96)),
               ("gru/gru_cell/bias:0", w(2, 96))]),
      ("simple_rnn", [("simple_rnn/simple_rnn_cell/kernel:0", w(32, 16)),
                      ("simple_rnn/simple_rnn_cell/recurrent_kernel:0", w(16, 16)),
                      ("simple_rnn/simple_rnn_cell/bias:0", w(16))]),
      dense_weights("dense", 16, 10)], compress=True)

# 6. Keras 1.2.2 Sequential MLP (keras 1 examples/mnist_mlp.py, narrowed): output_dim, p, init, W_regularizer.
k1 = {"class_name": "Sequential", "config": [
    {"class_name": "Dense", "config": {"name": "dense_1", "trainable": True, "batch_input_shape": [None, 784],
                                       "input_dtype": "float32", "output_dim": 64, "input_dim": 784,
                                       "init": "glorot_uniform", "activation": "relu", "bias": True,
                                       "W_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
                                       "W_constraint": None, "b_constraint": None}},
    {"class_name": "Dropout", "config": {"name": "dropout_1", "trainable": True, "p": 0.2}},
    {"class_name": "Dense", "config": {"name": "dense_2", "trainable": True, "output_dim": 10, "input_dim": 64,
                                       "init": "glorot_uniform", "activation": "softmax", "bias": True,
                                       "W_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
                                       "W_constraint": None, "b_constraint": None}}]}
save("keras1_sequential_mlp.h5", k1, "1.2.2",
     [("dense_1", [("dense_1_W:0", w(784, 64)), ("dense_1_b:0", w(64))]), ("dropout_1", []),
      ("dense_2", [("dense_2_W:0", w(64, 10)), ("dense_2_b:0", w(10))])])

# 7. Broken files: truncated, not HDF5 at all, HDF5 without a model (save_weights output).
with open("keras2_sequential_mlp.h5", "rb") as src:
    head = src.read(4096)
with open("truncated.h5", "wb") as out:
    out.write(head)
with open("not_hdf5.h5", "w") as out:
    out.write("This is a text file with an .h5 name.\n")
with h5py.File("weights_only.h5", "w") as f:
    f.attrs["layer_names"] = np.array([b"dense_1"])
    f.create_group("dense_1").attrs["weight_names"] = np.array([b"dense_1/kernel:0"])
