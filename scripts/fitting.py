"""What the three fitting scripts (fit_keep, fit_title, fit_speaker) share:
features standardised for training, an Adam step, and the weights taken
back to raw features for the Rust side. Stdlib only."""
import math


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


def raw_weights(w, b, mean, sd):
    """Weights and bias fitted on standardised features, for raw ones."""
    raw = [w[k] / sd[k] for k in range(len(w))]
    return raw, b - sum(w[k] * mean[k] / sd[k] for k in range(len(w)))
