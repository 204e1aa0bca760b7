"""The index: embeddings, the Chroma store, BM25, ingest, hybrid retrieval, the library."""
