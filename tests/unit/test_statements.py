"""What a quoted statement is: terms of reference are no facts."""

from __future__ import annotations


def test_an_item_of_a_visit_s_terms_of_reference_is_no_fact_but_a_purpose_clause_opening_one_is():
    from assistant.products.statements import TERMS_OF_REFERENCE

    assert TERMS_OF_REFERENCE.match("To commend and express the full support of the Security Council for the work of UNMIT, "
                                    "and to assess the progress in the phased drawdown of UNMIT operations.")
    assert not TERMS_OF_REFERENCE.match("To further strengthen the strategic focus of integrated approaches, the ISF was "
                                        "introduced and made into a requirement in 2008.")
    assert not TERMS_OF_REFERENCE.match("To this end the mission doubled its patrols.")
