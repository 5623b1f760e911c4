"""The spaCy side: registered factories, entry points, use in a user's own pipeline."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import spacy

from newsextract.pipeline import COMPONENTS, add_components
from newsextract.results import results_of


def test_components_entry_points_match_pipeline_order():
    eps = {ep.name: ep.value for ep in entry_points(group="spacy_factories") if ep.name.startswith("newsextract_")}
    assert sorted(eps) == sorted(COMPONENTS)
    for name, module in COMPONENTS.items():
        assert eps[name].split(":")[0] == module


def test_components_loaded_pipeline_has_all_in_order(nlp):
    assert [n for n in nlp.pipe_names if n.startswith("newsextract_")] == list(COMPONENTS)


@pytest.mark.parametrize("name", list(COMPONENTS), ids=list(COMPONENTS))
def test_components_factory_registered(name):
    import importlib

    importlib.import_module(COMPONENTS[name])
    assert name in spacy.registry.factories


def test_components_in_a_users_own_pipeline():
    """Char-segmented blank zh pipeline (no pkuseg): the rules still run, offsets are doc offsets."""
    user_nlp = spacy.blank("zh")
    add_components(user_nlp)
    text = "5月14日下午,区委书记林卫东主持召开全区安全生产工作会议。全县新增企业36家,同比增长12.5%。"
    doc = user_nlp(text)
    res = results_of(doc)
    for family in (res.dates, res.indicators, res.people, res.meetings, res.goals):
        for r in family:
            assert text[r.start : r.end] == r.text
    assert [p.name for p in res.people] == ["林卫东"]
    assert {i.text for i in res.indicators} >= {"36家", "12.5%"}
