"""Thin shells over the same functions: CLI, HTTP API, Gradio UI, the web app."""
