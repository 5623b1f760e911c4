"""newsextract.model.segmenter: the table segmenter gives pkuseg's own words.

The reference is spacy-pkuseg itself (the tokenizer of spaCy's own ``spacy.load`` of the
installed pipeline, which decodes pkuseg's msgpack feature dict), never our own code.
"""

from __future__ import annotations

import functools
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsextract.model import segmenter as S
from newsextract.model import tables

ROOT = Path(__file__).resolve().parents[2]


# -- the hash table ---------------------------------------------------------------------
@given(st.sets(st.integers(min_value=0, max_value=2**40), max_size=300), st.lists(st.integers(min_value=0, max_value=2**40), max_size=50))
def test_hash_table_finds_every_key_and_nothing_else(keys, others):
    keys = sorted(keys)
    slot_keys, slot_values, max_probe = S.build_hash_table(np.array(keys, dtype=np.int64), np.arange(len(keys)))
    queries = np.array(keys + others, dtype=np.int64)
    got = S.lookup(slot_keys, slot_values, max_probe, queries, missing=-7)
    expected = [keys.index(q) if q in keys else -7 for q in queries.tolist()]
    assert got.tolist() == expected


def test_hash_table_refuses_duplicate_keys():
    with pytest.raises(ValueError, match="unique"):
        S.build_hash_table(np.array([3, 3]), np.array([0, 1]))


# -- parsing pkuseg's feature strings back into nodes -----------------------------------
CHANGED = frozenset(tables.raw_node_codes())


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("区委", (ord("区"), ord("委"))),
        ("**Num年", (S.NUM, ord("年"))),
        ("**Num**Num", (S.NUM, S.NUM)),
        ("**Letter&", (S.LETTER, ord("&"))),
        ("", ()),
        ("2024", None),  # digits always become **Num: no input reads "2024"
        ("a.b", None),  # '.' always becomes '&'
        ("金**", None),  # a '*' that does not start **Num / **Letter
        ("ＡＢ", None),  # full-width letters always become **Letter
    ],
    ids=["plain", "num-then-char", "two-nums", "letter-and-amp", "empty", "raw-digits", "raw-keyword", "lone-stars", "raw-fullwidth"],
)
def test_parse_nodes(text, nodes):
    assert tables.parse_nodes(text, CHANGED) == nodes


# -- the post-processor -----------------------------------------------------------------
class _Post:
    """Stands in for the segmenter around TableSegmenter._post_process (no model)."""

    def __init__(self, common, other):
        import spacy_pkuseg

        self.postprocesser = spacy_pkuseg.Postprocesser.__new__(spacy_pkuseg.Postprocesser)
        self.postprocesser.do_process = True
        self.postprocesser.common_words = set(common)
        self.postprocesser.other_words = set(other)


_pieces = st.sampled_from(["区", "委", "书记", "区委", "书", "记", "会", "议", "会议", "召开", "召", "开"])


@given(
    sent=st.lists(_pieces, max_size=30),
    common=st.sets(st.sampled_from(["区委书记", "会议", "召开会议", "区委"]), max_size=3),
    other=st.sets(st.sampled_from(["书记", "区委书记", "召开", "开会", "委书", "区委书记召开会议", "记会议"]), max_size=5),
)
def test_post_process_merges_like_pkuseg(sent, common, other):
    p = _Post(common, other)
    expected = p.postprocesser.post_process(list(sent), check_seperated=True)
    assert S.TableSegmenter._post_process(p, list(sent)) == expected


# -- against spacy-pkuseg itself --------------------------------------------------------
@pytest.fixture(scope="module")
def stock():
    """spacy-pkuseg as spaCy loads it (~5 s, ~900 MB)."""
    spacy = pytest.importorskip("spacy")
    from newsextract.model import pipeline_path

    if not (pipeline_path() / "tokenizer").exists():
        pytest.skip("model not installed")
    return spacy.load(pipeline_path()).tokenizer.pkuseg_seg


@pytest.fixture(scope="module")
def ours(nlp):
    seg = nlp.tokenizer.pkuseg_seg
    if not isinstance(seg, S.TableSegmenter):
        pytest.fail(f"the pipeline's segmenter is {type(seg).__name__}, not the table segmenter")
    return seg


def _texts() -> list[Path]:
    return sorted(p for p in (ROOT / "fixtures").rglob("*.txt"))


@pytest.mark.model
def test_same_words_as_pkuseg_on_every_fixture_text(stock, ours):
    differing = [p.name for p in _texts() if stock.cut(p.read_text(encoding="utf-8")) != ours.cut(p.read_text(encoding="utf-8"))]
    assert differing == []


@pytest.mark.model
def test_same_words_as_pkuseg_on_text_longer_than_a_chunk(stock, ours):
    # one piece (no whitespace) several chunks long: chunk edges fall mid-word
    text = "".join("".join(p.read_text(encoding="utf-8").split()) for p in _texts()[:60])
    assert len(text) > 3 * S.CHUNK
    assert ours.cut(text) == stock.cut(text)


@functools.cache
def _characters():
    """Characters of the fixture texts, plus the ones pkuseg normalises and some odd ones."""
    seen = set("".join(p.read_text(encoding="utf-8") for p in _texts()[:20]))
    odd = "-._,|/*:&0123456789１２３％ＡＢａｇ／・－ \n\t\u3000abcXYZ𠀀😀\u200b\ufeff**NumLetter几十万"
    return st.sampled_from("".join(sorted(seen)) + odd)


@pytest.mark.model
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_same_words_as_pkuseg_on_generated_text(stock, ours, data):
    text = "".join(data.draw(st.lists(_characters(), max_size=80)))
    assert ours.cut(text) == stock.cut(text)


@pytest.mark.model
def test_same_words_as_pkuseg_on_shuffled_sentences(stock, ours):
    # fixture sentences cut and re-joined at random: new contexts for every feature
    rng = random.Random(7)
    pieces = [s for p in _texts() for s in p.read_text(encoding="utf-8").replace("\n", "。").split("，") if s]
    for _ in range(40):
        text = "，".join(rng.sample(pieces, 6))
        assert ours.cut(text) == stock.cut(text), text


@pytest.mark.model
def test_saving_the_pipeline_says_how_to_get_a_saveable_one(nlp):
    from newsextract import errors

    with pytest.raises(errors.PipelineNotSerialisableError, match=r"\[E006\].*spacy\.load\(newsextract\.model\.pipeline_path\(\)\)"):
        nlp.to_bytes()
