"""How fast this machine runs plain Python today, to read the other figures by.

The same code measured on the same kind of machine on two days differed by up to ×2 (a
shared virtual machine): this fixed workload, with no project code in it, tells which day
was which.  It does the kind of work the engine does: small dicts, lists, floats, calls.
"""

from __future__ import annotations

import random

from common import cpu_and_wall, emit


def workload() -> float:
    rng = random.Random(1)
    reach = {f"audience_{i}": 5.0 for i in range(5)}
    total = 0.0
    for _ in range(40_000):
        before = dict(reach)
        for key, value in before.items():
            value += 0.3 * value * (1 - value / 100) + rng.gauss(0.0, 1.0)
            reach[key] = round(min(100.0, max(0.0, value)), 4)
        total += sum(reach.values())
    return total


def main() -> None:
    cpu, wall = cpu_and_wall(workload, repeat=7)
    emit("calibration[plain Python workload]", cpu * 1000, "ms", wall=wall * 1000,
         details="lower is a faster machine; no project code")


if __name__ == "__main__":
    main()
