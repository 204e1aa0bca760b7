import numpy as np
from fakes import FakeEncoder


def test_fake_encoder_is_deterministic_normalised_and_word_based():
    enc = FakeEncoder()
    a, b, c = enc.encode(["integrated strategic framework", "the strategic framework", "budget ceilings"])
    assert np.allclose(enc.encode(["integrated strategic framework"])[0], a)
    assert np.isclose(np.linalg.norm(a), 1.0)
    assert a @ b > 0.3 > a @ c


def test_fake_encoder_records_calls_batches_and_cache_hits():
    enc = FakeEncoder(batch_size=2)
    enc.encode(["a b", "c d", "e f"])
    assert enc.batches == 2 and enc.calls == [["a b", "c d", "e f"]]
    enc.encode_cached(["x", "y"])
    enc.encode_cached(["x", "y", "z"])
    assert enc.calls[-1] == ["z"] and enc.encoded == 6
    assert len(enc.embed_query("x")) == enc.dimension


def test_unit_tests_cannot_load_the_model():
    import pytest

    from assistant.index.embeddings import Encoder

    with pytest.raises(RuntimeError, match="must not load the embedding model"):
        Encoder.load()


def test_the_encoder_serves_as_a_langchain_embedding_function_without_subclassing_it():
    """Encoder duck-types LangChain's Embeddings (the CLI then never imports langchain_core); a store takes it."""
    from langchain_core.vectorstores import InMemoryVectorStore

    store = InMemoryVectorStore(embedding=FakeEncoder())
    store.add_texts(["budget ceilings agreed with the host government", "the integrated strategic framework"])
    assert store.similarity_search("strategic framework", k=1)[0].page_content == "the integrated strategic framework"
