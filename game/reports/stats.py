"""The class's mean change with its 95 % confidence interval (Student's t), written out so
an instructor can check it by hand: mean ± t(0.975, N − 1) × s / √N."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

# t(0.975, df) for df = 1 … 30; beyond, the normal 1.96 is within 2 %.
_T975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
         2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
         2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042)
# Fewer students than this and the summary says plainly that no conclusion can be drawn.
MIN_N = 10


def t975(df: int) -> float:
    if df < 1:
        raise ValueError("a confidence interval needs at least two values")
    if df <= len(_T975):
        return _T975[df - 1]
    if df <= 60:
        return 2.000 + (2.042 - 2.000) * (60 - df) / 30  # t(0.975, 60) = 2.000
    if df <= 120:
        return 1.980 + (2.000 - 1.980) * (120 - df) / 60  # t(0.975, 120) = 1.980
    return 1.960


def mean_interval(values: Sequence[float]) -> dict[str, Any]:
    """N, mean, standard deviation and the 95 % interval of the mean (None where N is too
    small for it); ``conclusive`` only when N ≥ MIN_N and the interval leaves out 0."""
    n = len(values)
    out: dict[str, Any] = {"n": n, "mean": None, "sd": None, "low": None, "high": None,
                           "enough": n >= MIN_N, "conclusive": False}
    if n == 0:
        return out
    mean = sum(values) / n
    out["mean"] = round(mean, 3)
    if n < 2:
        return out
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = t975(n - 1) * sd / math.sqrt(n)
    out.update(sd=round(sd, 3), low=round(mean - half, 3), high=round(mean + half, 3))
    out["conclusive"] = n >= MIN_N and (mean - half > 0 or mean + half < 0)
    return out
