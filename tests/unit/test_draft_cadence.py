"""Reporting and review events named in a drafting request, each with its frequency (no model)."""

from __future__ import annotations

from assistant.products.draft_cadence import cadence_of


def test_an_event_never_swallows_the_next_one_and_keeps_whom_it_goes_to():
    found = cadence_of("Write the section with an annual joint review with the Government and quarterly updates to the SLF.")
    assert [(c.frequency, c.what) for c in found] == [("annual", "joint review with the Government"),
                                                      ("quarterly", "updates to the SLF")]


def test_frequency_after_the_event():
    assert [(c.frequency, c.what) for c in cadence_of("the Senior Leadership Forum to review progress quarterly")] == [
        ("quarterly", "Senior Leadership Forum review")]
