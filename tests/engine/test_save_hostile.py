"""Hostile save files (issue 15): whatever the bytes, decoding raises SaveProblem and
nothing else, a re-signed save with impossible values is refused before it is used, and
only regular files are read, never more than the cap."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest

from game.content.model import Scenario
from game.engine.game import Game
from game.engine.save import (
    MAX_SAVE_BYTES,
    SaveData,
    SaveProblem,
    backup_path,
    decode,
    encode,
    read_save,
    write_save,
)


def good_save(deepfake: Scenario) -> bytes:
    game = Game(deepfake, 3)
    game.start()
    game.play_turn(lambda g: None)
    return encode(SaveData(deepfake.meta.id, "x.yaml", "h", game.state.to_dict(),
                           title={"en": "T"}, turns=game.turns))


def resigned(raw: bytes, change: Any) -> bytes:
    """*raw* changed by *change* and signed again, as a forger would: the checksum fits."""
    data = json.loads(raw)
    change(data)
    body = {k: v for k, v in data.items() if k not in ("format", "version", "checksum")}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    data["checksum"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return json.dumps(data).encode("utf-8")


def set_in(path: str, value: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        for key in parents:
            data = data[key]
        data[last] = value
    return change


HEAD = b'{"format":"hashtag-diplomacy-save","version":1,'


@pytest.mark.parametrize("raw", [
    HEAD + b'"x":' + b"[" * 200_000 + b"]" * 200_000 + b"}",      # RecursionError
    HEAD + b'"x":' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,   # RecursionError
    b"[" * 200_000,
], ids=["deep-list", "deep-object", "deep-cut"])
def test_deeply_nested_json_is_damaged_not_a_crash(raw: bytes) -> None:
    with pytest.raises(SaveProblem) as problem:
        decode(raw)
    assert problem.value.code in ("damaged", "truncated")


@pytest.mark.parametrize("field,value", [
    ("scenario.turns", "1e999"), ("scenario.turns", "Infinity"), ("scenario.turns", "NaN"),
    ("scenario.turns", "-Infinity"), ("state.turn", "1e999"),
])
def test_numbers_json_does_not_have_are_damaged(deepfake: Scenario, field: str,
                                                value: str) -> None:
    raw = good_save(deepfake)
    marker = '"__MARK__"'
    text = resigned(raw, set_in(field, "__MARK__")).decode("utf-8").replace(marker, value)
    with pytest.raises(SaveProblem) as problem:
        decode(text.encode("utf-8"))
    assert problem.value.code == "damaged"


@pytest.mark.parametrize("field,value", [
    ("state.budget", 10**18), ("state.turn", "3"), ("state.history", [[1e308]]),
    ("state.history", [{"turn": 1, "indicators": {"credibility": 1e308},
                        "narratives": {}}]),
    ("state.indicators.credibility", True), ("state.seed", 2**80),
    ("state.feed", [{"turn": 1}]), ("state.narratives", [{"id": "x"}]),
    ("state.rng", [3, [1, 2], None]), ("state.planned", [{"kind": "post", "x": 1e300}]),
    ("state.flags", [["nested"]]), ("state.passed", "false"),
    ("scenario.turns", 10**6), ("scenario.turns", 2.5), ("scenario.title", {"en": 5}),
    ("scenario.id", ["x"]), ("extra", {"deep": [[[[[[[[["x"]]]]]]]]]}),
])
def test_a_resigned_save_with_impossible_values_is_invalid(deepfake: Scenario, field: str,
                                                           value: Any) -> None:
    raw = resigned(good_save(deepfake), set_in(field, value))
    with pytest.raises(SaveProblem) as problem:
        decode(raw)
    assert problem.value.code == "invalid"


def test_the_good_save_itself_decodes(deepfake: Scenario) -> None:
    assert decode(resigned(good_save(deepfake), lambda data: None)).turn == 2


def test_a_device_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "autosave.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(SaveProblem) as problem:
        read_save(link)
    assert problem.value.code == "foreign"


def test_a_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "autosave.json"
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_save(fifo)
        except SaveProblem as problem:
            outcome.append(problem.code)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock it, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert outcome == ["foreign"]


def test_a_file_over_the_cap_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_SAVE_BYTES + 1)
    with pytest.raises(SaveProblem) as problem:
        read_save(path)
    assert problem.value.code == "foreign"


def test_an_untrusted_write_keeps_the_backup(deepfake: Scenario, tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    raw = good_save(deepfake)
    write_save(path, decode(raw))
    write_save(path, decode(raw))  # the backup is now a good save
    good = backup_path(path).read_bytes()
    game = Game(deepfake, 9)
    write_save(path, SaveData(deepfake.meta.id, "", "h", game.state.to_dict()),
               keep_backup=False)
    assert backup_path(path).read_bytes() == good
    assert read_save(path).state["seed"] == 9
