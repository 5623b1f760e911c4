"""Notebook views: HTML highlighting (escaping, nesting, offsets) and DataFrames."""

from __future__ import annotations

import html
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.dates import DateValue
from newsextract.document import Article, Byline, Credit, Document
from newsextract.errors import OptionalDependencyError
from newsextract.goals import Goal
from newsextract.indicators import Indicator
from newsextract.meetings import Meeting, Participant
from newsextract.people import Person, Title
from newsextract.spans import Span
from newsextract.views import article_html, document_html, family_rows, to_frames
from newsextract.views.html import _highlight, _Mark

#          0         1         2         3
#          0123456789012345678901234567890123456
TEXT = "记者 方晓<script>alert(1)</script>\n副区长陈海波出席防汛工作会议。力争新建堤防5公里。"
BODY = TEXT.index("副区长")  # 28


def _doc(text: str = TEXT, rule: str = "name/after-title") -> Document:
    s = text.index("副区长")
    title = Title(text="副区长", start=s, end=s + 3, position="区长", deputy=True, rule="title/before-name")
    person = Person(name="陈海波", text="陈海波", start=s + 3, end=s + 6, rule=rule, titles=(title,),
                    mentions=(Span.of(text, s + 3, s + 6),))
    meeting = Meeting(text=text[s : s + 15], start=s, end=s + 15, name="防汛工作会议", rule="attend",
                      name_parts=(Span.of(text, s + 8, s + 14),),
                      participants=(Participant(name="陈海波", text="陈海波", start=s + 3, end=s + 6, role="attended", rule="chuxi"),))
    g = text.index("力争")
    ind = Indicator(text="5公里", start=g + 6, end=g + 9, value=5, unit="公里", rule="arabic/right")
    goal = Goal(text="力争新建堤防5公里", start=g, end=g + 9, marker=Span.of(text, g, g + 2), targets=(ind,), rule="lizheng")
    date = DateValue(text="记者", start=0, end=2, iso=None, rule="fake-for-test")
    credit = Credit(name="方晓", role="reporter", text="方晓", start=3, end=5)
    art = Article(text=text, start=0, end=len(text), byline=Byline(reporters=(credit,)), people=(person,),
                  meetings=(meeting,), indicators=(ind,), goals=(goal,), dates=(date,))
    return Document(text=text, articles=(art,))


def test_views_html_escapes_text_and_attributes():
    out = document_html(_doc(rule='x"><script>alert(2)</script>'))
    assert "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert 'rule: x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in out


def test_views_html_is_self_contained():
    out = document_html(_doc())
    for needle in ("http:", "https:", "src=", "<link", "@import", "url("):
        assert needle not in out


def test_views_html_marks_each_family():
    out = document_html(_doc(), tables=False)
    assert '<span class="nx-title" title="title · 副区长 · position: 区长 · rule: title/before-name">副区长</span>' in out
    assert '<span class="nx-person" title="person · 陈海波 · titles: 副区长 · rule: name/after-title">陈海波</span>' in out
    assert ('<span class="nx-meeting" title="meeting · 防汛工作会议 · participants: 陈海波(attended) · rule: attend">'
            "防汛工作会议</span>") in out
    assert '<span class="nx-byline" title="byline · reporter: 方晓">方晓</span>' in out


def test_views_html_nested_marks_show_both():
    out = document_html(_doc(), tables=False)
    # the indicator inside the goal: indicator colour, goal underline, both titles
    assert ('<span class="nx-indicator" style="box-shadow:inset 0 -3px 0 #d7cdff" '
            'title="indicator · 5 公里 · rule: arabic/right\ngoal · rule: lizheng">5公里</span>') in out
    assert '<span class="nx-goal" title="goal · rule: lizheng">力争新建堤防</span>' in out


def test_views_html_tables_list_the_records():
    out = document_html(_doc())
    assert "<summary>people (1)</summary>" in out and "<summary>participants (1)</summary>" in out
    assert "<summary>titles (1)</summary>" in out and "<td>title/before-name</td>" in out


def test_views_article_html_uses_document_offsets():
    prefix = "# 另一篇\n前文。\n"
    text = prefix + TEXT
    doc = _doc(text)
    art = doc.articles[0]
    shifted = Article(text=text[len(prefix):], start=len(prefix), end=len(text), people=art.people, goals=art.goals,
                      indicators=art.indicators)
    out = article_html(shifted, tables=False)
    assert ">陈海波</span>" in out and ">5公里</span>" in out and "另一篇" not in out


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60), cuts=st.lists(st.tuples(st.integers(-5, 70), st.integers(0, 20), st.sampled_from(["person", "goal", "date"])), max_size=6))
def test_views_highlight_keeps_the_text(text, cuts):
    marks = [_Mark(s, s + n, fam, f"t{i}<&\"") for i, (s, n, fam) in enumerate(cuts)]
    out = _highlight(text, 0, marks)
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text


def test_views_family_rows_exact():
    rows = family_rows(_doc())
    assert rows["titles"] == [{"article": 0, "person": "陈海波", "text": "副区长", "start": BODY, "end": BODY + 3, "org": None,
                               "position": "区长", "level": None, "deputy": True, "acting": False, "rule": "title/before-name"}]
    assert rows["participants"] == [{"article": 0, "meeting": "防汛工作会议", "name": "陈海波", "text": "陈海波",
                                     "start": BODY + 3, "end": BODY + 6, "role": "attended", "rule": "chuxi"}]
    goal = rows["goals"][0]
    assert (goal["text"], goal["marker"], goal["targets"], goal["rule"]) == ("力争新建堤防5公里", "力争", "5公里", "lizheng")


def test_views_to_frames_columns_and_offsets():
    pytest.importorskip("pandas")
    frames = to_frames(_doc())
    assert list(frames) == ["people", "titles", "meetings", "participants", "indicators", "goals", "dates"]
    ind = frames["indicators"]
    assert ind[["article", "text", "start", "end", "unit", "rule"]].to_dict("records") == [
        {"article": 0, "text": "5公里", "start": TEXT.index("5公里"), "end": TEXT.index("5公里") + 3, "unit": "公里", "rule": "arabic/right"}]
    assert str(ind["start"].dtype) == "int64"
    assert frames["people"].loc[0, "titles"] == "副区长"


def test_views_to_frames_empty_document_keeps_columns():
    pytest.importorskip("pandas")
    frames = to_frames(Document(text=""))
    assert all(f.empty for f in frames.values())
    assert list(frames["participants"].columns) == ["article", "meeting", "name", "text", "start", "end", "role", "rule"]


def test_views_to_frames_without_pandas_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(OptionalDependencyError, match=r"pip install 'newsextract\[pandas\]'"):
        to_frames(_doc())


@pytest.mark.model
def test_views_on_the_sample_page(sample_doc):
    pytest.importorskip("pandas")
    out = document_html(sample_doc)
    text = sample_doc.text
    for family, frame in to_frames(sample_doc).items():
        for r in frame.itertuples():
            assert text[r.start : r.end] == r.text, family
    for p in sample_doc.people:
        assert f">{p.name}</span>" in out
    assert html.unescape(re.sub(r"<[^>]*>", "", out.split('<div class="nx-text">')[1].split("</div>")[0])) == text
