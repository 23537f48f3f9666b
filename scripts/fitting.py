"""What the three fitting scripts (fit_keep, fit_title, fit_speaker) share:
features standardised for training, an Adam step, the epoch loop of a
linear model with L2, and the weights taken back to raw features for the
Rust side. Stdlib only."""
import math
import sys


def standardize(xs, dim):
    """Mean and standard deviation of each feature over the rows `xs`."""
    mean = [sum(x[k] for x in xs) / len(xs) for k in range(dim)]
    sd = [max(1e-6, math.sqrt(sum((x[k] - mean[k]) ** 2 for x in xs) / len(xs))) for k in range(dim)]
    return mean, sd


def scaled(x, mean, sd):
    return [(x[k] - mean[k]) / sd[k] for k in range(len(mean))]


def adam_step(params, g, m, v, ep, lr):
    """One Adam update of `params` (in place) by the gradient `g`."""
    for k in range(len(params)):
        m[k] = 0.9 * m[k] + 0.1 * g[k]
        v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k]
        params[k] -= lr * (m[k] / (1 - 0.9 ** ep)) / (math.sqrt(v[k] / (1 - 0.999 ** ep)) + 1e-8)


def descend(dim, epochs, lr, l2, gradient, every):
    """Weights and bias of a linear model by Adam from zero: each epoch,
    `gradient(w, b, g)` adds the data's gradient to `g` (the L2 term on the
    weights, then the bias's slot, already in it) and returns the loss,
    logged every `every` epochs."""
    w, b = [0.0] * dim, 0.0
    m, v = [0.0] * (dim + 1), [0.0] * (dim + 1)
    for ep in range(1, epochs + 1):
        g = [l2 * wk for wk in w] + [0.0]
        loss = gradient(w, b, g)
        params = w + [b]
        adam_step(params, g, m, v, ep, lr)
        w, b = params[:dim], params[dim]
        if ep % every == 0:
            print(f"epoch {ep}: loss {loss:.4f}", file=sys.stderr)
    return w, b


def raw_weights(w, b, mean, sd):
    """Weights and bias fitted on standardised features, for raw ones."""
    raw = [w[k] / sd[k] for k in range(len(w))]
    return raw, b - sum(w[k] * mean[k] / sd[k] for k in range(len(w)))
