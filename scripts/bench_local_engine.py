"""Direct xllamacpp binding vs llama.cpp's server on loopback (the app's path), on one loaded model.

Same prompts, alternating order, temperature 0, prompt cache off, 24 new tokens; prints each
run and the medians. Needs the [local-llm] extra and an installed model:

    python scripts/bench_local_engine.py [--model qwen2.5-coder-1.5b-instruct] [--rounds 2]
"""

from __future__ import annotations

import argparse
import statistics
import time

import openai

from assistant.answering.local_engine import local_engine
from assistant.settings import Settings

PROMPTS = [f"Name {k} things a UN mission and country team should plan together. Be brief." for k in (2, 3, 4)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--tokens", type=int, default=24)
    args = ap.parse_args()
    started = time.perf_counter()
    engine = local_engine(Settings(local_model=args.model))
    print(f"load + server start: {time.perf_counter() - started:.1f} s, threads {engine.threads}", flush=True)
    client = openai.OpenAI(base_url=engine.base_url, api_key=engine.api_key)
    times: dict[str, list[float]] = {"direct": [], "loopback": []}
    for i, prompt in enumerate(PROMPTS * args.rounds):
        body = {"messages": [{"role": "user", "content": prompt}], "max_tokens": args.tokens, "temperature": 0,
                "stream": True, "cache_prompt": False}
        for mode in ("direct", "loopback") if i % 2 == 0 else ("loopback", "direct"):
            t = time.perf_counter()
            if mode == "direct":
                engine.server.handle_chat_completions(body, lambda chunk: None)
            else:
                for _ in client.chat.completions.create(model=engine.name, messages=body["messages"], max_tokens=args.tokens,
                                                        temperature=0, stream=True, extra_body={"cache_prompt": False}):
                    pass
            times[mode].append(time.perf_counter() - t)
            print(f"{mode:8} run {i}: {times[mode][-1]:.2f} s", flush=True)
    for mode, values in times.items():
        print(f"{mode:8} median {statistics.median(values):.2f} s over {len(values)} runs")


if __name__ == "__main__":
    main()
