"""Documents a question names by description, and the words that name them (no model)."""

from __future__ import annotations

from assistant.corpus.manifest import DocumentInfo
from assistant.index.described import described

RESOLUTION = DocumentInfo(id="a-res-80-11", title="2025 review of the United Nations peacebuilding architecture",
                          short="A/RES/80/11", issuer="General Assembly", type="resolution", date="2025-11-26")
MISSION = DocumentInfo(id="s-2012-889", title="Report of the Security Council mission to Timor-Leste, 3 to 6 November 2012",
                       short="S/2012/889", type="report", date="2012-11-28")
UNMIT = DocumentInfo(id="s-2012-765", type="report", date="2012-10-15", short="S/2012/765",
                     title="Report of the Secretary-General on the United Nations Integrated Mission in Timor-Leste "
                           "(7 January to 20 September 2012)")


def test_a_document_named_by_year_issuer_and_kind():
    found = described("What is peacebuilding, according to the 2025 General Assembly resolution?", [RESOLUTION, MISSION])
    assert found == {"a-res-80-11": {"2025", "general", "assembl", "resolut"}}  # 'peacebuilding' is what is asked


def test_a_document_named_by_its_title_and_year():
    found = described("What does the 2025 peacebuilding architecture review ask of UN country teams?", [RESOLUTION])
    assert found == {"a-res-80-11": {"2025", "peacebuild", "architectur", "review"}}


def test_the_document_the_description_fits_best():
    found = described("What was the purpose of the Security Council mission to Timor-Leste in 2012?", [MISSION, UNMIT])
    assert list(found) == ["s-2012-889"]


def test_a_topic_or_a_date_is_not_a_document():
    assert described("What does the General Assembly say about peacebuilding?", [RESOLUTION]) == {}  # no year, no kind
    assert described("What did the Prime Minister write in his letter of 20 September 2012?", [UNMIT]) == {}
    assert described("What does resolution 80/11 establish each June?", [RESOLUTION]) == {}  # a symbol: compose's names


def test_a_description_that_fits_many_documents_names_none():
    reports = [DocumentInfo(id=f"r{i}", title="Report of the Secretary-General on Haiti", short=f"S/2019/{i}",
                            type="report", date="2019-07-01") for i in range(3)]
    assert described("What did the 2019 Secretary-General report on Haiti say about police?", reports) == {}
    assert list(described("What did the 2019 Secretary-General report on Haiti say?", reports[:2])) == ["r0", "r1"]
