"""Hostile documents are refused before they are inflated, each with one plain line (issue 9)."""

from __future__ import annotations

import tracemalloc

import badfiles
import pytest

from assistant.corpus.limits import LimitError, check_archive, failure_reason, printable_name
from assistant.corpus.loaders import LoadError, load


def test_a_normal_docx_passes():
    check_archive("note.docx", badfiles.docx())


def test_docx_bomb_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(badfiles.docx_bomb(250))
    tracemalloc.start()
    with pytest.raises(LoadError) as err:
        load(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "unpack" in str(err.value) and str(err.value).startswith("bomb.docx: ")
    assert peak < 50 * 1024 * 1024  # the 250 MB were never allocated


def test_high_ratio_refused_under_the_size_limit():
    with pytest.raises(LimitError, match="times its size"):
        check_archive("x.docx", badfiles.docx_bomb(20))


def test_billion_laughs_docx_refused(tmp_path):
    path = tmp_path / "laughs.docx"
    path.write_bytes(badfiles.docx_billion_laughs())
    with pytest.raises(LoadError, match="declares XML entities"):
        load(path)


def test_encrypted_pdf_is_called_encrypted_not_corrupt(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(badfiles.pdf_encrypted())
    with pytest.raises(LoadError) as err:
        load(path)
    assert "encrypted" in str(err.value) and "corrupt" not in str(err.value)


def test_owner_password_only_pdf_opens(tmp_path):
    path = tmp_path / "restricted.pdf"
    path.write_bytes(badfiles.pdf_encrypted(user_password=""))
    assert "shared analysis" in load(path).text


def test_failure_reasons_are_one_plain_line():
    assert failure_reason(MemoryError()) == "too large to process in memory"
    assert "\n" not in failure_reason(ValueError("line one\nline two\x1b[31m"))
    assert failure_reason(type("LimitReachedError", (Exception,), {})("x")).startswith("content expands")


def test_names_with_control_characters_stay_on_one_line(tmp_path):
    assert printable_name("evil\nname\x1b[2J.pdf") == "evil?name?[2J.pdf"
    assert "\n" not in str(LoadError(tmp_path / "a\nb.txt", "empty file"))
    long = "x" * 1000 + ".pdf"
    assert printable_name(long).endswith(".pdf") and len(printable_name(long)) <= 161


def test_markdown_mentioning_html_is_text():
    from assistant.corpus.loaders import sniff

    assert sniff(b"# Notes\n\nThe page starts with `<html lang=en>` in our template.\n") == "text"
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert sniff(b"<!-- saved page --><html><body>x</body></html>") == "html"
