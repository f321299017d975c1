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
cnn_w = [("input_6", []), conv_weights("conv2d_15", 1, 32), conv_weights("conv2d_16", 32, 64), ("max_pooling2d_8", []),
         ("dropout_15", []), ("flatten_8", []),
         ("dense_15", [("dense_15/kernel:0", w(9216, 128, zeros=True)), ("dense_15/bias:0", w(128))]),
         ("dropout_16", []), dense_weights("dense_16", 128, 10)]
save("keras2_functional_mnist_cnn.h5", functional(cnn_layers, ["input_6"], ["dense_16"], "mnist"), "2.1.1", cnn_w,
     TRAINING, compress=True)

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
res_w = [("input_1", []), dense_weights("dense", 32, 32), dense_weights("dense_1", 32, 32), bn, ("add", []),
         dense_weights("dense_2", 32, 8), ("concatenate", []), dense_weights("dense_3", 40, 1)]
save("keras2_functional_residual.h5", functional(res_layers, ["input_1"], ["dense_3"], "residual", "Functional"),
     "2.4.0", res_w)

# 4. Keras 2 stacked LSTM for sequence classification (Keras 2 "Getting started with the Sequential model" guide).
lstm = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
    recurrent("LSTM", "lstm_1", 32, return_sequences=True, batch_input_shape=[None, 8, 16], dtype="float32"),
    recurrent("LSTM", "lstm_2", 32, return_sequences=True),
    recurrent("LSTM", "lstm_3", 32),
    dense("dense_1", 10, "softmax")]}}


def lstm_weights(name, n_in, units):
    return (name, [(f"{name}/kernel:0", w(n_in, 4 * units)), (f"{name}/recurrent_kernel:0", w(units, 4 * units)),
                   (f"{name}/bias:0", w(4 * units))])


stacked_lstm_w = [lstm_weights("lstm_1", 16, 32), lstm_weights("lstm_2", 32, 32), lstm_weights("lstm_3", 32, 32),
          dense_weights("dense_1", 32, 10)]
save("keras2_sequential_lstm.h5", lstm, "2.2.4", stacked_lstm_w, TRAINING)

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


lstm_tf2_w = [lstm_cell_weights("lstm", 16, 32), lstm_cell_weights("lstm_1", 32, 32), dense_weights("dense", 32, 10)]
save("keras2_tf2_sequential_lstm.h5", lstm_tf2, "2.9.0", lstm_tf2_w,
     {"optimizer_config": {"class_name": "Adam", "config": {"name": "Adam", "learning_rate": 0.0005}},
      "loss": "sparse_categorical_crossentropy", "metrics": [[{"class_name": "MeanMetricWrapper",
                                                               "config": {"name": "accuracy"}}]]})

# 5. A GRU (keras.io "Working with RNNs" guide, narrowed).
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
k1_w = [("dense_1", [("dense_1_W:0", w(784, 64)), ("dense_1_b:0", w(64))]), ("dropout_1", []),
        ("dense_2", [("dense_2_W:0", w(64, 10)), ("dense_2_b:0", w(10))])]
save("keras1_sequential_mlp.h5", k1, "1.2.2", k1_w)

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


# ---------------------------------------------------------------------------------------------------------------
# 8. Fixtures with expected outputs. For each, NAME.input.npy (NAME.input0/1.npy for two inputs) holds a fixed
#    batch and NAME.expected.npy what Keras computes for it with the stored weights, by the numpy forward pass below
#    (Keras's own formulas: Dense, Conv2D, BatchNormalization in inference, pooling, LSTM gates i, f, c, o, ...).

def sigmoid(v):
    return 1 / (1 + np.exp(-v))


ACTIVATIONS = {"linear": lambda v: v, "relu": lambda v: np.maximum(v, 0), "tanh": np.tanh, "sigmoid": sigmoid,
               "softmax": lambda v: np.exp(v - v.max(-1, keepdims=True)) / np.exp(v - v.max(-1, keepdims=True)).sum(
                   -1, keepdims=True)}


def conv2d_forward(x, kernel, bias, strides, padding):
    n, h, wd, c = x.shape
    kh, kw, _, f = kernel.shape
    sh, sw = strides
    if padding == "same":
        oh, ow = -(-h // sh), -(-wd // sw)
        ph, pw = max((oh - 1) * sh + kh - h, 0), max((ow - 1) * sw + kw - wd, 0)
        x = np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
    else:
        oh, ow = (h - kh) // sh + 1, (wd - kw) // sw + 1
    y = np.zeros((n, oh, ow, f))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, i * sh:i * sh + kh, j * sw:j * sw + kw, :]
            y[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return y + (bias if bias is not None else 0)


def rnn_forward(cls, cfg, x, ws, backwards=False):
    kernel, rec, bias = ws
    units = cfg["units"]
    act = ACTIVATIONS[cfg.get("activation", "tanh")]
    gate = ACTIVATIONS[cfg.get("recurrent_activation", "sigmoid")]
    n, steps, _ = x.shape
    h, c = np.zeros((n, units)), np.zeros((n, units))
    outs = []
    order = range(steps - 1, -1, -1) if backwards else range(steps)
    for t in order:
        z = x[:, t, :] @ kernel + h @ rec + bias
        if cls == "LSTM":
            i, f, cc, o = (z[:, k * units:(k + 1) * units] for k in range(4))
            c = gate(f) * c + gate(i) * act(cc)
            h = gate(o) * act(c)
        else:
            h = act(z)
        outs.append(h)
    return np.stack(outs, 1) if cfg.get("return_sequences") else h


def forward(layers, weights, inputs):
    """layers: [(class, config, inbound names)], weights: {layer name: [arrays]}, inputs: {input name: array}."""
    out = dict(inputs)
    for cls, cfg, inbound in layers:
        name = cfg["name"]
        if cls == "InputLayer":
            if inbound and inbound[0] in out:
                out[name] = out[inbound[0]]
            continue
        xs = [out[i] for i in inbound]
        x = xs[0] if xs else None
        ws = [a.astype("float64") for a in weights.get(name, [])]
        if cls == "Dense":
            y = ACTIVATIONS[cfg["activation"]](x @ ws[0] + ws[1])
        elif cls == "Conv2D":
            y = ACTIVATIONS[cfg["activation"]](conv2d_forward(x, ws[0], ws[1], cfg["strides"], cfg["padding"]))
        elif cls == "MaxPooling2D":
            p = cfg["pool_size"][0]
            n, h, wd, c = x.shape
            y = x[:, :h // p * p, :wd // p * p, :].reshape(n, h // p, p, wd // p, p, c).max((2, 4))
        elif cls == "BatchNormalization":
            gamma, beta, mean, var = ws
            y = (x - mean) / np.sqrt(var + cfg["epsilon"]) * gamma + beta
        elif cls in ("Flatten",):
            y = x.reshape(x.shape[0], -1)
        elif cls in ("Dropout",):
            y = x
        elif cls == "Embedding":
            y = ws[0][x.astype(int)]
        elif cls in ("LSTM", "SimpleRNN"):
            y = rnn_forward(cls, cfg, x, ws)
        elif cls == "Bidirectional":
            inner = cfg["layer"]
            half = len(ws) // 2
            f = rnn_forward(inner["class_name"], inner["config"], x, ws[:half])
            b = rnn_forward(inner["class_name"], inner["config"], x, ws[half:], backwards=True)
            if inner["config"].get("return_sequences"):
                b = b[:, ::-1, :]
            y = np.concatenate([f, b], -1)
        elif cls == "Concatenate":
            y = np.concatenate(xs, -1)
        elif cls == "Add":
            y = sum(xs)
        else:
            raise ValueError(cls)
        out[name] = y
    return out


def save_io(stem, inputs, expected):
    if len(inputs) == 1:
        np.save(f"{stem}.input.npy", inputs[0].astype("float32"))
    else:
        for i, x in enumerate(inputs):
            np.save(f"{stem}.input{i}.npy", x.astype("float32"))
    np.save(f"{stem}.expected.npy", expected.astype("float32"))


def seq_layers(model_config):
    """(class, config, inbound) of a Sequential config, each reading the one before."""
    layers, previous = [], "input"
    for layer in model_config["config"]["layers"]:
        layers.append((layer["class_name"], layer["config"], [previous]))
        previous = layer["config"]["name"]
    return layers


def fn_layers(model_config):
    return [(l["class_name"], l["config"], [i[0] for i in (l["inbound_nodes"][0] if l["inbound_nodes"] else [])])
            for l in model_config["config"]["layers"]]


def arrays_of(weights):
    return {name: [a for _, a in ws] for name, ws in weights}


# 8a. Expected outputs of the Keras 2 MLP and stacked-LSTM files above.
mlp_weights = [dense_weights("dense_1", 784, 64), ("dropout_1", []), dense_weights("dense_2", 64, 64),
               ("dropout_2", []), dense_weights("dense_3", 64, 10)]
save("keras2_sequential_mlp.h5", mlp, "2.2.4", mlp_weights, TRAINING)
x = rng.random((3, 784)).astype("float32")
save_io("keras2_sequential_mlp", [x], forward(seq_layers(mlp), arrays_of(mlp_weights), {"input": x})["dense_3"])

# 8b. Keras 2.4 CNN with BatchNormalization between convolutions, 'same' and 'valid' padding, strides 2.
cnn_bn_layers = [
    node(simple("InputLayer", "input_1", batch_input_shape=[None, 10, 10, 2], sparse=False, dtype="float32")),
    node(conv2d("conv2d", 4, "relu", padding="same"), "input_1"),
    node(simple("BatchNormalization", "batch_normalization", axis=[3], momentum=0.99, epsilon=0.001, center=True,
                scale=True), "conv2d"),
    node(simple("MaxPooling2D", "max_pooling2d", padding="valid", strides=[2, 2], pool_size=[2, 2],
                data_format="channels_last"), "batch_normalization"),
    node(conv2d("conv2d_1", 6, "tanh", strides=[2, 2]), "max_pooling2d"),
    node(simple("Flatten", "flatten"), "conv2d_1"),
    node(dense("dense", 5, "softmax"), "flatten")]
cnn_bn = functional(cnn_bn_layers, ["input_1"], ["dense"], "cnn_bn", "Functional")
bn4 = ("batch_normalization", [("batch_normalization/gamma:0", 1 + w(4)), ("batch_normalization/beta:0", w(4)),
                               ("batch_normalization/moving_mean:0", w(4)),
                               ("batch_normalization/moving_variance:0", 0.5 + rng.random(4).astype("float32"))])
cnn_bn_weights = [("input_1", []), (("conv2d", [("conv2d/kernel:0", w(3, 3, 2, 4) * 10), ("conv2d/bias:0", w(4))])),
                  bn4, ("max_pooling2d", []),
                  ("conv2d_1", [("conv2d_1/kernel:0", w(3, 3, 4, 6) * 10), ("conv2d_1/bias:0", w(6))]),
                  ("flatten", []), ("dense", [("dense/kernel:0", w(24, 5) * 10), ("dense/bias:0", w(5))])]
save("keras2_functional_cnn_bn.h5", cnn_bn, "2.4.0", cnn_bn_weights, TRAINING)
x = rng.random((2, 10, 10, 2)).astype("float32")
save_io("keras2_functional_cnn_bn", [x],
        forward(fn_layers(cnn_bn), arrays_of(cnn_bn_weights), {"input_1": x})["dense"])

# 8c. Keras 2.4 text classifier: Embedding, Bidirectional LSTM with sequences, a second one without, sigmoid.
bi = {"class_name": "Sequential", "config": {"name": "bilstm", "layers": [
    simple("InputLayer", "embedding_input", batch_input_shape=[None, 6], dtype="float32", sparse=False, ragged=False),
    simple("Embedding", "embedding", input_dim=50, output_dim=8, mask_zero=False, input_length=6),
    {"class_name": "Bidirectional", "config": {"name": "bidirectional", "trainable": True, "merge_mode": "concat",
                                               "layer": recurrent("LSTM", "lstm", 5, return_sequences=True)}},
    {"class_name": "Bidirectional", "config": {"name": "bidirectional_1", "trainable": True, "merge_mode": "concat",
                                               "layer": recurrent("LSTM", "lstm_1", 4)}},
    dense("dense", 1, "sigmoid")]}}


def bi_weights(name, inner, n_in, units):
    return (name, [(f"{name}/{d}_{inner}/lstm_cell/{k}:0", a) for d in ("forward", "backward") for k, a in
                   (("kernel", w(n_in, 4 * units) * 8), ("recurrent_kernel", w(units, 4 * units) * 8),
                    ("bias", w(4 * units) * 8))])


bi_w = [("embedding", [("embedding/embeddings:0", w(50, 8) * 20)]), bi_weights("bidirectional", "lstm", 8, 5),
        bi_weights("bidirectional_1", "lstm_1", 10, 4), dense_weights("dense", 8, 1)]
save("keras2_sequential_bilstm.h5", bi, "2.4.0", bi_w,
     {"optimizer_config": {"class_name": "Adam", "config": {"learning_rate": 0.0010000000474974513}},
      "loss": "binary_crossentropy", "metrics": ["accuracy"]})
x = rng.integers(0, 50, (3, 6)).astype("float32")
bi_seq = seq_layers(bi)[1:]
bi_seq[0] = (bi_seq[0][0], bi_seq[0][1], ["input"])
save_io("keras2_sequential_bilstm", [x], forward(bi_seq, arrays_of(bi_w), {"input": x})["dense"])

# 8d. Keras 2.9 functional model with two inputs and a Concatenate (keras.io functional API guide, narrowed).
two_layers = [
    node(simple("InputLayer", "title", batch_input_shape=[None, 12], sparse=False, ragged=False, dtype="float32")),
    node(simple("InputLayer", "body", batch_input_shape=[None, 20], sparse=False, ragged=False, dtype="float32")),
    node(dense("dense", 6, "relu"), "title"),
    node(dense("dense_1", 4, "tanh"), "body"),
    node(simple("Concatenate", "concatenate", axis=-1), "dense", "dense_1"),
    node(dense("priority", 3, "softmax"), "concatenate")]
two = functional(two_layers, ["title", "body"], ["priority"], "two_inputs", "Functional")
two_w = [("title", []), ("body", []), dense_weights("dense", 12, 6), dense_weights("dense_1", 20, 4),
         ("concatenate", []), dense_weights("priority", 10, 3)]
two_w = [(n, [(k, a * 10) for k, a in ws]) for n, ws in two_w]
save("keras2_functional_two_inputs.h5", two, "2.9.0", two_w, TRAINING)
x0, x1 = rng.random((2, 12)).astype("float32"), rng.random((2, 20)).astype("float32")
save_io("keras2_functional_two_inputs", [x0, x1],
        forward(fn_layers(two), arrays_of(two_w), {"title": x0, "body": x1})["priority"])


# 8e. Keras 3 files: a .keras zip (config.json, metadata.json, model.weights.h5 with layers/<class>/vars/<i>) and
#     the legacy .h5 that Keras 3's model.save('m.h5') writes (weight names are variable paths: dense/kernel).
def k3(cls, cfg, inbound=None):
    layer = {"module": "keras.layers", "class_name": cls, "config": cfg, "registered_name": None}
    if inbound is not None:
        layer["name"] = cfg["name"]
        layer["inbound_nodes"] = [{"args": [[{"class_name": "__keras_tensor__", "config": {
            "shape": None, "dtype": "float32", "keras_history": [i, 0, 0]}} for i in inbound]] if len(inbound) > 1
            else [{"class_name": "__keras_tensor__", "config": {"shape": None, "dtype": "float32",
                                                                 "keras_history": [inbound[0], 0, 0]}}],
                                   "kwargs": {}}] if inbound else []
    return layer


def k3_dense(name, units, activation):
    return {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
            "use_bias": True, "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                                     "config": {"seed": None}, "registered_name": None},
            "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                 "registered_name": None},
            "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None, "bias_constraint": None}


K3_COMPILE = {"optimizer": {"module": "keras.optimizers", "class_name": "Adam", "config": {
    "name": "adam", "learning_rate": 0.0010000000474974513, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07}},
              "loss": "categorical_crossentropy", "metrics": ["accuracy"], "loss_weights": None}

k3_mlp = {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "trainable": True,
    "dtype": "float32", "layers": [
        k3("InputLayer", {"batch_shape": [None, 16], "dtype": "float32", "sparse": False, "name": "input_layer"}),
        k3("Dense", k3_dense("dense", 12, "relu")),
        k3("BatchNormalization", {"name": "batch_normalization", "trainable": True, "axis": -1, "momentum": 0.99,
                                  "epsilon": 0.001, "center": True, "scale": True}),
        k3("Dropout", {"name": "dropout", "trainable": True, "rate": 0.3, "seed": None, "noise_shape": None}),
        k3("Dense", k3_dense("dense_1", 4, "softmax"))]},
    "registered_name": None, "compile_config": K3_COMPILE}
k3_w = {"dense": [w(16, 12) * 10, w(12)], "batch_normalization": [1 + w(12), w(12), w(12),
                                                                   0.5 + rng.random(12).astype("float32")],
        "dense_1": [w(12, 4) * 10, w(4)]}


def write_keras3_weights(path_or_file, groups):
    """groups: [(h5 path, [arrays])] in Keras 3's layout."""
    with h5py.File(path_or_file, "w") as f:
        for path, arrays in groups:
            g = f.create_group(path).create_group("vars")
            for i, a in enumerate(arrays):
                g.create_dataset(str(i), data=a.astype("float32"))
        f.create_group("optimizer").create_group("vars")


def write_keras(path, config, groups, version="3.13.0"):
    import io
    import zipfile
    buffer = io.BytesIO()
    write_keras3_weights(buffer, groups)
    def entry(name):  # a fixed time stamp, so that re-running the generator gives the same files
        return zipfile.ZipInfo(name, date_time=(2026, 11, 30, 12, 0, 0))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(entry("metadata.json"), json.dumps({"keras_version": version, "date_saved": "2026-11-30@12:00:00"}))
        z.writestr(entry("config.json"), json.dumps(config))
        z.writestr(entry("model.weights.h5"), buffer.getvalue())


write_keras("keras3_sequential_mlp.keras", k3_mlp,
            [("layers/input_layer", []), ("layers/dense", k3_w["dense"]),
             ("layers/batch_normalization", k3_w["batch_normalization"]), ("layers/dropout", []),
             ("layers/dense_1", k3_w["dense_1"])])
k3_seq = [(l["class_name"], l["config"], []) for l in k3_mlp["config"]["layers"]]
previous = "input"
for i, (cls, cfg, _) in enumerate(k3_seq):
    k3_seq[i] = (cls, cfg, [previous])
    previous = cfg["name"]
x = rng.random((3, 16)).astype("float32")
save_io("keras3_sequential_mlp", [x], forward(k3_seq, k3_w, {"input": x})["dense_1"])

# The same model as Keras 3's legacy .h5: root attributes, model_weights/<layer>/<layer>/<variable>.
with h5py.File("keras3_sequential_mlp.h5", "w") as f:
    f.attrs["keras_version"] = "3.13.0"
    f.attrs["backend"] = "tensorflow"
    f.attrs["model_config"] = json.dumps({k: v for k, v in k3_mlp.items() if k != "compile_config"})
    f.attrs["training_config"] = json.dumps(K3_COMPILE)
    g = f.create_group("model_weights")
    names = ["dense", "batch_normalization", "dropout", "dense_1"]
    g.attrs["layer_names"] = np.array([n.encode() for n in names])
    variables = {"dense": ["kernel", "bias"], "batch_normalization": ["gamma", "beta", "moving_mean",
                                                                      "moving_variance"], "dense_1": ["kernel", "bias"]}
    for n in sorted(names):
        lg = g.create_group(n)
        paths = [f"{n}/{v}" for v in variables.get(n, [])]
        lg.attrs["weight_names"] = np.array([p.encode() for p in paths])
        for p, a in zip(paths, k3_w.get(n, [])):
            lg.create_dataset(p, data=a.astype("float32"))
save_io("keras3_sequential_mlp_h5", [x], forward(k3_seq, k3_w, {"input": x})["dense_1"])


def k3_lstm(name, units, sequences):
    return {"name": name, "trainable": True, "dtype": "float32", "return_sequences": sequences,
            "return_state": False, "go_backwards": False, "stateful": False, "unroll": False, "zero_output_for_mask":
                False, "units": units, "activation": "tanh", "recurrent_activation": "sigmoid", "use_bias": True,
            "unit_forget_bias": True, "dropout": 0.0, "recurrent_dropout": 0.0, "seed": None}


# 8f. Keras 3 functional .keras: Input, LSTM (weights under lstm/cell/vars), Bidirectional (forward_layer and
#     backward_layer), Dense.
k3_fn = {"module": "keras.src.models.functional", "class_name": "Functional", "config": {
    "name": "functional", "trainable": True, "layers": [
        k3("InputLayer", {"batch_shape": [None, 5, 3], "dtype": "float32", "sparse": False, "name": "input_layer"},
           []),
        k3("LSTM", k3_lstm("lstm", 6, True), ["input_layer"]),
        k3("Bidirectional", {"name": "bidirectional", "trainable": True, "merge_mode": "concat",
                             "layer": {"module": "keras.layers", "class_name": "LSTM",
                                       "config": k3_lstm("forward_lstm_1", 4, False), "registered_name": None}},
           ["lstm"]),
        k3("Dense", k3_dense("dense", 2, "softmax"), ["bidirectional"])],
    "input_layers": [["input_layer", 0, 0]], "output_layers": [["dense", 0, 0]]},
    "registered_name": "Functional", "compile_config": K3_COMPILE}
lstm_w = [w(3, 24) * 10, w(6, 24) * 10, w(24) * 10]
bif, bib = [w(6, 16) * 10, w(4, 16) * 10, w(16) * 10], [w(6, 16) * 10, w(4, 16) * 10, w(16) * 10]
dense_w = [w(8, 2) * 10, w(2)]
write_keras("keras3_functional_lstm.keras", k3_fn,
            [("layers/input_layer", []), ("layers/lstm", []), ("layers/lstm/cell", lstm_w),
             ("layers/bidirectional", []), ("layers/bidirectional/forward_layer", []),
             ("layers/bidirectional/forward_layer/cell", bif), ("layers/bidirectional/backward_layer", []),
             ("layers/bidirectional/backward_layer/cell", bib), ("layers/dense", dense_w)])
x = rng.random((2, 5, 3)).astype("float32")
fn3 = [("LSTM", k3_lstm("lstm", 6, True), ["input"]),
       ("Bidirectional", {"name": "bidirectional", "layer": {"class_name": "LSTM",
                                                             "config": k3_lstm("forward_lstm_1", 4, False)}}, ["lstm"]),
       ("Dense", k3_dense("dense", 2, "softmax"), ["bidirectional"])]
save_io("keras3_functional_lstm", [x], forward(fn3, {"lstm": lstm_w, "bidirectional": bif + bib, "dense": dense_w},
                                              {"input": x})["dense"])

# 8g. A Keras 3 .keras MNIST classifier (784 → 32 → 10), as the Keras 3 "Getting started" MLP, narrowed: the window's
#     import test opens it with weights, evaluates it on MNIST and fine-tunes it.
k3_mnist = {"module": "keras", "class_name": "Sequential", "config": {"name": "mnist_mlp", "trainable": True,
    "dtype": "float32", "layers": [
        k3("InputLayer", {"batch_shape": [None, 784], "dtype": "float32", "sparse": False, "name": "input_layer"}),
        k3("Dense", k3_dense("dense", 32, "relu")),
        k3("Dense", k3_dense("dense_1", 10, "softmax"))]},
    "registered_name": None, "compile_config": K3_COMPILE}
mnist_w = {"dense": [w(784, 32), w(32)], "dense_1": [w(32, 10) * 4, w(10)]}
write_keras("keras3_mnist_mlp.keras", k3_mnist, [("layers/input_layer", []), ("layers/dense", mnist_w["dense"]),
                                                  ("layers/dense_1", mnist_w["dense_1"])])
x = rng.random((2, 784)).astype("float32")
save_io("keras3_mnist_mlp", [x], forward([("Dense", k3_dense("dense", 32, "relu"), ["input"]),
                                          ("Dense", k3_dense("dense_1", 10, "softmax"), ["dense"])], mnist_w,
                                         {"input": x})["dense_1"])

# 8h. LeakyReLU as a layer, as Keras 2 saves it (its slope under Keras 2's name, alpha), between two Dense layers.
leaky = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    simple("InputLayer", "dense_input", batch_input_shape=[None, 6], dtype="float32", sparse=False, ragged=False),
    dense("dense", 8, "linear"),
    simple("LeakyReLU", "leaky_re_lu", alpha=0.2),
    dense("dense_1", 3, "softmax")]}}
save("keras2_sequential_leaky_relu.h5", leaky, "2.4.0",
     [dense_weights("dense", 6, 8), ("leaky_re_lu", []), dense_weights("dense_1", 8, 3)])

# 8i. Channels-first convnets. Keras flattens (channels, height, width); NeuralCanvas opens them channels-last, so
#     the inputs stored beside these files are channels-first as Keras takes them, and the test transposes them.
def channels_first_cnn(x_nchw, kernel_hwio, bias, dense_kernel, dense_bias):
    x = x_nchw.transpose(0, 2, 3, 1).astype("float64")
    y = np.maximum(conv2d_forward(x, kernel_hwio.astype("float64"), bias, [1, 1], "valid"), 0)
    n, h, wd, c = y.shape
    y = y[:, :h // 2 * 2, :wd // 2 * 2, :].reshape(n, h // 2, 2, wd // 2, 2, c).max((2, 4))
    flat = y.transpose(0, 3, 1, 2).reshape(n, -1)  # Keras's channels-first flatten
    return ACTIVATIONS["softmax"](flat @ dense_kernel + dense_bias)


cf = {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
    conv2d("conv2d_1", 3, "relu", data_format="channels_first", batch_input_shape=[None, 2, 8, 8], dtype="float32"),
    simple("MaxPooling2D", "max_pooling2d_1", padding="valid", strides=[2, 2], pool_size=[2, 2],
           data_format="channels_first"),
    simple("Flatten", "flatten_1", data_format="channels_first"),
    dense("dense_1", 4, "softmax")]}}
cf_k, cf_b, cf_dk, cf_db = w(3, 3, 2, 3) * 10, w(3), w(27, 4) * 10, w(4)
save("keras2_channels_first_cnn.h5", cf, "2.2.4",
     [("conv2d_1", [("conv2d_1/kernel:0", cf_k), ("conv2d_1/bias:0", cf_b)]), ("max_pooling2d_1", []),
      ("flatten_1", []), ("dense_1", [("dense_1/kernel:0", cf_dk), ("dense_1/bias:0", cf_db)])], TRAINING)
x = rng.random((2, 2, 8, 8)).astype("float32")
save_io("keras2_channels_first_cnn", [x], channels_first_cnn(x, cf_k, cf_b, cf_dk, cf_db))

# Keras 1.2 with the Theano backend: dim_ordering 'th', kernels stored [out, in, rows, cols], and Theano convolves
# (flips the kernel) where TensorFlow correlates.
th = {"class_name": "Sequential", "config": [
    {"class_name": "Convolution2D", "config": {"name": "convolution2d_1", "trainable": True, "nb_filter": 3,
                                               "nb_row": 3, "nb_col": 3, "init": "glorot_uniform",
                                               "activation": "relu", "border_mode": "valid", "subsample": [1, 1],
                                               "dim_ordering": "th", "bias": True, "W_regularizer": None,
                                               "b_regularizer": None, "activity_regularizer": None,
                                               "W_constraint": None, "b_constraint": None,
                                               "batch_input_shape": [None, 2, 8, 8], "input_dtype": "float32"}},
    {"class_name": "MaxPooling2D", "config": {"name": "maxpooling2d_1", "trainable": True, "pool_size": [2, 2],
                                              "strides": [2, 2], "border_mode": "valid", "dim_ordering": "th"}},
    {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True}},
    {"class_name": "Dense", "config": {"name": "dense_1", "trainable": True, "output_dim": 4, "input_dim": None,
                                       "init": "glorot_uniform", "activation": "softmax", "bias": True,
                                       "W_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
                                       "W_constraint": None, "b_constraint": None}}]}
th_k, th_b, th_dk, th_db = w(3, 2, 3, 3) * 10, w(3), w(27, 4) * 10, w(4)
with h5py.File("keras1_theano_cnn.h5", "w") as f:
    f.attrs["keras_version"] = b"1.2.2"
    f.attrs["model_config"] = json.dumps(th).encode()
    g = f.create_group("model_weights")
    g.attrs["layer_names"] = np.array([b"convolution2d_1", b"maxpooling2d_1", b"flatten_1", b"dense_1"])
    g.attrs["backend"] = b"theano"
    for name, ws in [("convolution2d_1", [("convolution2d_1_W", th_k), ("convolution2d_1_b", th_b)]),
                     ("maxpooling2d_1", []), ("flatten_1", []),
                     ("dense_1", [("dense_1_W", th_dk), ("dense_1_b", th_db)])]:
        lg = g.create_group(name)
        lg.attrs["weight_names"] = np.array([n.encode() for n, _ in ws])
        for n, a in ws:
            lg.create_dataset(n, data=a)
th_hwio = th_k.transpose(2, 3, 1, 0)[::-1, ::-1, :, :]  # Theano's convolution is correlation with the flipped kernel
x = rng.random((2, 2, 8, 8)).astype("float32")
save_io("keras1_theano_cnn", [x], channels_first_cnn(x, th_hwio, th_b, th_dk, th_db))


# 8j. Expected outputs of the first files above, with inputs from a generator of their own (so that the files after
#     them keep their weights).
io_rng = np.random.default_rng(11)
x = io_rng.random((2, 28, 28, 1)).astype("float32")
save_io("keras2_functional_mnist_cnn", [x], forward(fn_layers(functional(cnn_layers, ["input_6"], ["dense_16"], "m")),
                                                    arrays_of(cnn_w), {"input_6": x})["dense_16"])
x = io_rng.random((3, 32)).astype("float32")
save_io("keras2_functional_residual", [x], forward(fn_layers(functional(res_layers, ["input_1"], ["dense_3"], "r")),
                                                   arrays_of(res_w), {"input_1": x})["dense_3"])
x = io_rng.random((2, 8, 16)).astype("float32")
save_io("keras2_sequential_lstm", [x], forward(seq_layers(lstm), arrays_of(stacked_lstm_w), {"input": x})["dense_1"])
x = io_rng.random((2, 8, 16)).astype("float32")
save_io("keras2_tf2_sequential_lstm", [x], forward(seq_layers(lstm_tf2), arrays_of(lstm_tf2_w), {"input": x})["dense"])
x = io_rng.random((3, 784)).astype("float32")
k1_layers = [(l["class_name"], dict(l["config"], units=l["config"]["output_dim"]) if l["class_name"] == "Dense"
              else l["config"], []) for l in k1["config"]]
k1_layers = [(c, cfg, ["input" if i == 0 else k1_layers[i - 1][1]["name"]]) for i, (c, cfg, _) in enumerate(k1_layers)]
save_io("keras1_sequential_mlp", [x], forward(k1_layers, arrays_of(k1_w), {"input": x})["dense_2"])


# 8h'. A weightless layer NeuralCanvas lacks (AlphaDropout) between two Dense layers: the graph bridges it and the
#      Dense layers keep their weights.
masking = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    simple("InputLayer", "dense_input", batch_input_shape=[None, 6], dtype="float32", sparse=False, ragged=False),
    dense("dense", 8, "linear"),
    simple("AlphaDropout", "alpha_dropout", rate=0.1),
    dense("dense_1", 3, "softmax")]}}
save("keras2_sequential_masking.h5", masking, "2.4.0",
     [dense_weights("dense", 6, 8), ("alpha_dropout", []), dense_weights("dense_1", 8, 3)])


# 8h''. A layer with weights NeuralCanvas has no kind for (LocallyConnected1D): it is left out by name, and the
#       file's weights are not loaded.
local = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    simple("InputLayer", "input", batch_input_shape=[None, 10, 8], dtype="float32", sparse=False, ragged=False),
    simple("LocallyConnected1D", "locally_connected1d", filters=4, kernel_size=[3], strides=[1], padding="valid",
           activation="linear", use_bias=True),
    simple("Flatten", "flatten"),
    dense("dense", 2, "linear")]}}
save("keras2_sequential_locally_connected.h5", local, "2.4.0",
     [("locally_connected1d", [("locally_connected1d/kernel:0", w(8, 24, 4)),
                               ("locally_connected1d/bias:0", w(8, 4))]),
      ("flatten", []), dense_weights("dense", 32, 2)])
