"""Importing a colleague's zip: what is accepted, what is refused and why, and nothing ever
overwritten or written outside the user's scenario folder."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from game import i18n
from game.content.sharing import import_zip
from game.content.sharing_export import export_zip
from game.content.sharing_rules import MAX_ENTRIES, unsafe_name
from game.content.starter import write_starter

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def scenario_text(tmp_path: Path) -> str:
    write_starter(tmp_path / "src" / "starter.yaml", "en")
    return (tmp_path / "src" / "starter.yaml").read_text("utf-8")


def make_zip(path: Path, files: dict[str, bytes | str], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        if symlink is not None:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


def test_a_scenario_folder_is_imported_with_its_images(tmp_path: Path, scenario_text: str) -> None:
    into = tmp_path / "mine"
    zipped = make_zip(tmp_path / "lesson.zip", {
        "Border Rumour/scenario.yaml": scenario_text,
        "Border Rumour/assets/logo.png": PNG,
        "__MACOSX/Border Rumour/._scenario.yaml": b"junk",
        "Border Rumour/.DS_Store": b"junk",
    })
    result = import_zip(zipped, into)
    assert result.ok, result.refusal
    assert result.folder == into / "border_rumour"
    assert (into / "border_rumour" / "scenario.yaml").read_text("utf-8") == scenario_text
    assert (into / "border_rumour" / "assets" / "logo.png").read_bytes() == PNG
    assert sorted(p.name for p in into.iterdir()) == ["border_rumour"]  # no staging left
    assert len(result.ignored) == 2
    assert result.loaded is not None and result.loaded.playable


def test_a_second_import_never_overwrites_the_first(tmp_path: Path, scenario_text: str) -> None:
    into = tmp_path / "mine"
    zipped = make_zip(tmp_path / "rumour.zip", {"scenario.yaml": scenario_text})
    first, second = import_zip(zipped, into), import_zip(zipped, into)
    assert first.folder == into / "rumour" and first.renamed_from is None
    assert second.folder == into / "rumour-2" and second.renamed_from == "rumour"


def _refusal(tmp_path: Path, files: dict[str, bytes | str], **kw: str) -> str:
    into = tmp_path / "mine"
    result = import_zip(make_zip(tmp_path / "bad.zip", files, **kw), into)
    assert not result.ok
    assert not into.exists() or list(into.iterdir()) == []  # nothing left behind
    assert result.refusal is not None
    return result.refusal.code


@pytest.mark.parametrize(("name", "code"), [
    ("../evil/scenario.yaml", "zip_unsafe_path"),
    ("/etc/scenario.yaml", "zip_unsafe_path"),
    ("C:/Users/scenario.yaml", "zip_unsafe_path"),
    ("ok/..\\..\\scenario.yaml", "zip_unsafe_path"),
])
def test_zip_slip_is_refused(tmp_path: Path, scenario_text: str, name: str, code: str) -> None:
    assert _refusal(tmp_path, {name: scenario_text}) == code
    assert not (tmp_path / "evil").exists()


def test_symbolic_links_are_refused(tmp_path: Path, scenario_text: str) -> None:
    assert _refusal(tmp_path, {"s/scenario.yaml": scenario_text},
                    symlink="s/assets/link.png") == "zip_symlink"


def test_a_zip_bomb_is_refused_before_unpacking(tmp_path: Path, scenario_text: str) -> None:
    bomb = b"\x89PNG\r\n\x1a\n" + b"\x00" * (1_900_000)
    assert _refusal(tmp_path, {"s/scenario.yaml": scenario_text,
                               "s/assets/bomb.png": bomb}) == "zip_bomb_ratio"


def test_too_many_files_are_refused(tmp_path: Path, scenario_text: str) -> None:
    files: dict[str, bytes | str] = {f"s/assets/{i}.png": PNG for i in range(MAX_ENTRIES)}
    files["s/scenario.yaml"] = scenario_text
    assert _refusal(tmp_path, files) == "zip_too_many_files"


@pytest.mark.parametrize(("extra", "code"), [
    ({"s/run.sh": b"rm -rf ~"}, "zip_bad_type"),
    ({"s/assets/photo.png": b"GIF89a not a png"}, "zip_not_image"),
    ({"s/assets/song.mp3": b"ID3"}, "zip_bad_type"),
])
def test_only_yaml_and_images_in_assets(tmp_path: Path, scenario_text: str,
                                        extra: dict[str, bytes], code: str) -> None:
    assert _refusal(tmp_path, {"s/scenario.yaml": scenario_text, **extra}) == code


def test_a_scenario_with_errors_is_refused_with_its_diagnostics(
        tmp_path: Path, scenario_text: str) -> None:
    broken = scenario_text.replace("turns: 4", "turnz: 4")
    into = tmp_path / "mine"
    result = import_zip(make_zip(tmp_path / "b.zip", {"s/scenario.yaml": broken}), into)
    assert result.refusal is not None and result.refusal.code == "zip_has_errors"
    assert result.loaded is not None
    assert [d.code for d in result.loaded.errors] == ["unknown_key"]
    assert result.loaded.errors[0].file == "s/scenario.yaml"
    i18n.set_language("fr")
    assert result.refusal.message == "le scénario contient 1 erreur\u202f; rien n'a été importé"


def test_not_a_zip_and_no_scenario_are_refused_clearly(tmp_path: Path) -> None:
    fake = tmp_path / "fake.zip"
    fake.write_text("hello")
    result = import_zip(fake, tmp_path / "mine")
    assert result.refusal is not None and result.refusal.code == "zip_not_zip"
    assert result.refusal.message == "“fake.zip” is not a zip archive"
    assert _refusal(tmp_path, {"s/assets/a.png": PNG}) == "zip_no_scenario"
    missing = import_zip(tmp_path / "nope.zip", tmp_path / "mine")
    assert missing.refusal is not None and missing.refusal.code == "zip_missing"


def test_unsafe_names() -> None:
    assert unsafe_name("../x") and unsafe_name("a/../../x") and unsafe_name("/x")
    assert unsafe_name("D:\\x") and unsafe_name("a\\..\\x") and unsafe_name("")
    assert not unsafe_name("a/b..c/scenario.yaml")


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    written = write_starter(tmp_path / "Ma Rumeur", "fr")
    (tmp_path / "Ma Rumeur" / "assets" / "logo.png").write_bytes(PNG)
    text = written.scenario.read_text("utf-8").replace(
        "    kind: media\n", "    kind: media\n    avatar: assets/logo.png\n", 1)
    written.scenario.write_text(text, "utf-8")
    out = tmp_path / "share.zip"
    refusal, _loaded = export_zip(tmp_path / "Ma Rumeur", out)
    assert refusal is None
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["ma_rumeur/assets/logo.png",
                                              "ma_rumeur/scenario.yaml"]
    result = import_zip(out, tmp_path / "mine")
    assert result.ok and result.folder == tmp_path / "mine" / "ma_rumeur"
    again, _ = export_zip(tmp_path / "Ma Rumeur", out)
    assert again is not None and again.code == "export_exists"


def test_reload_keeps_errors_and_replay_fast_forwards(tmp_path: Path) -> None:
    from game.engine.actions import AnswerCrisis
    from game.simulation.replay import record_turn, reload_scenario, replay

    path = write_starter(tmp_path / "s.yaml", "en").scenario
    first = reload_scenario(path)
    assert first.scenario is not None
    played = replay(first.scenario, 7, []).game
    logs = []
    for _turn in range(2):
        if played.open_crises():
            played.act(AnswerCrisis("video_appears", "verify"))
        logs.append(record_turn(played))
        played.pass_turn()
        played.resolve()
        played.next_turn()
        played.open_desk()
    path.write_text(path.read_text("utf-8").replace("turns: 4", "turnz: 4"), "utf-8")
    broken = reload_scenario(path)
    assert broken.scenario is None and broken.loaded.errors[0].code == "unknown_key"
    path.write_text(path.read_text("utf-8").replace("turnz: 4", "turns: 4").replace(
        "id: verify", "id: verify_first").replace("choice: verify}", "choice: verify_first}"),
        "utf-8")
    again = reload_scenario(path)
    assert again.scenario is not None
    result = replay(again.scenario, 7, logs)
    assert result.game.state.turn == played.state.turn == 3
    assert result.game.phase.value == "decide"
    assert [(turn, action["choice"]) for turn, action, _why in result.skipped] == [(2, "verify")]
    same = replay(first.scenario, 7, logs).game
    assert same.state.indicators == played.state.indicators  # same seed, same actions


def test_total_size_is_bounded(tmp_path: Path, scenario_text: str,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    import game.content.sharing as sharing

    monkeypatch.setattr(sharing, "MAX_TOTAL_BYTES", 10_000)
    files: dict[str, bytes | str] = {f"s/assets/{i}.png": PNG * 40 for i in range(5)}
    assert _refusal(tmp_path, {"s/scenario.yaml": scenario_text, **files}) == "zip_bomb_total"


def test_a_zip_that_lies_about_sizes_is_refused(tmp_path: Path, scenario_text: str) -> None:
    zipped = make_zip(tmp_path / "liar.zip", {"s/scenario.yaml": scenario_text})
    raw = bytearray(zipped.read_bytes())
    declared = len(scenario_text.encode("utf-8")).to_bytes(4, "little")
    for at in (raw.find(b"PK\x03\x04") + 22, raw.find(b"PK\x01\x02") + 24):
        assert raw[at:at + 4] == declared
        raw[at:at + 4] = (100).to_bytes(4, "little")  # claims 100 bytes unpacked
    zipped.write_bytes(bytes(raw))
    result = import_zip(zipped, tmp_path / "mine")
    assert result.refusal is not None
    assert result.refusal.code == "zip_unreadable"  # zipfile stops at the declared size: CRC
    assert not (tmp_path / "mine").exists() or list((tmp_path / "mine").iterdir()) == []
