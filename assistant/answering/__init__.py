"""Cited answers: verification, LLM backends, the extractive answerer, conversation."""
