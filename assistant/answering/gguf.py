"""In-process GGUF generation with llama-cpp-python, as a LangChain chat model.

Optional: ``pip install -e '.[gguf]'`` (it compiles for several minutes, so it is kept out
of the default install and CI). Set ``PLANASSIST_GGUF_PATH`` to an instruction-tuned
GGUF file; base models (such as gemma3-270m from the package registry) do not follow
instructions and give poor answers.
"""

from __future__ import annotations

from typing import Any, Iterator

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

ROLES = {"system": "system", "human": "user", "ai": "assistant"}


class GGUFChatModel(BaseChatModel):
    """A LangChain chat model over a local GGUF file (llama-cpp-python), for generation with no server."""
    model_path: str
    temperature: float = 0.1
    max_tokens: int = 512
    n_ctx: int = 4096
    _llama: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "gguf"

    def _client(self):
        if self._llama is None:
            from llama_cpp import Llama  # optional dependency

            self._llama = Llama(model_path=self.model_path, n_ctx=self.n_ctx, verbose=False)
        return self._llama

    def _payload(self, messages: list[BaseMessage]) -> list[dict]:
        return [{"role": ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        out = self._client().create_chat_completion(
            self._payload(messages), temperature=self.temperature, max_tokens=self.max_tokens, stop=stop
        )
        text = out["choices"][0]["message"]["content"] or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for part in self._client().create_chat_completion(
            self._payload(messages), temperature=self.temperature, max_tokens=self.max_tokens, stop=stop, stream=True
        ):
            text = part["choices"][0]["delta"].get("content") or ""
            if text:
                yield ChatGenerationChunk(message=AIMessageChunk(content=text))
