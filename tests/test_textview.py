"""The normalised view keeps an exact map back to the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.layout import split_page
from newsextract.textview import Piece, build_view, whole_text_view


@pytest.mark.parametrize(
    "source,view",
    [
        ("１２３，％", "123,%"),
        ("ＡＢＣ：ｄｅｆ", "ABC:def"),
        ("其 中", "其中"),
        ("其\u3000中", "其中"),
        ("PPP 项目", "PPP 项目"),
        ("增长 5.6%", "增长 5.6%"),
        ("<p>三个</p>", "三个"),
        ("a < b", "a < b"),
        ("零\u200b宽", "零宽"),
        ("<b>１</b>２<br/>３", "123"),
        ("甲\ud800乙", "甲\ufffd乙"),
    ],
    ids=["fullwidth-digits", "fullwidth-letters", "stray-space", "ideographic-space", "latin-space-kept",
         "space-before-digit-kept", "html-tags", "lone-angle-kept", "zero-width",
         "fullwidth-between-tags", "lone-surrogate"],
)
def test_textview_normalises(source, view):
    assert whole_text_view(source).text == view


def test_textview_joined_pieces_map_to_both_sides():
    source = "全心\n\n全意为人民服务"
    v = build_view(source, [Piece(start=0, end=2), Piece(start=4, end=len(source), joined=True)])
    assert v.text == "全心全意为人民服务"
    s, e = v.to_source(0, 4)
    assert source[s:e] == "全心\n\n全意"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("区委书记１２３ ，。\n#（）(摄)记者<p>a\u3000")) | st.characters(), max_size=80))
def test_textview_every_view_char_comes_from_its_offset(text):
    for lay in split_page(text) or []:
        v = build_view(text, lay.pieces)
        assert len(v.offsets) == len(v.text)
        for ch, off in zip(v.text, v.offsets):
            orig = text[off]
            if ch == "\n" and orig != "\n":
                continue  # piece separator
            assert ch == orig or ch == unicodedata.normalize("NFKC", orig)[:1] or ch in " \ufffd"
        assert list(v.offsets) == sorted(v.offsets)
