"""The public API: input handling, empty and foreign input, grounding, pipe(), round-trips."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsextract
from newsextract import errors
from newsextract.document import Document


def grounded_records(obj, path="doc"):
    """Every (path, record) in a Document that carries text/start/end."""
    if isinstance(obj, (list, tuple)):
        for i, x in enumerate(obj):
            yield from grounded_records(x, f"{path}[{i}]")
        return
    if not attrs.has(type(obj)):
        return
    names = {a.name for a in attrs.fields(type(obj))}
    if {"text", "start", "end"} <= names and not isinstance(obj, Document):
        yield path, obj
    for a in attrs.fields(type(obj)):
        if a.name != "text":
            yield from grounded_records(getattr(obj, a.name), f"{path}.{a.name}")


@pytest.mark.parametrize(
    "value,message",
    [(b"\xe5\x8c\xba", "decode"), (None, "NoneType"), (123, "int"), (["区委"], "list")],
    ids=["bytes", "none", "int", "list"],
)
def test_api_extract_rejects_non_str(value, message):
    with pytest.raises(TypeError, match=message) as info:
        newsextract.extract(value)
    assert isinstance(info.value, errors.InputTypeError)
    assert "[E010]" in str(info.value)


@pytest.mark.parametrize("value", ["2023/05/16", "yesterday", 20230516], ids=["slashes", "word", "int"])
def test_api_extract_rejects_bad_reference_date(value):
    with pytest.raises(errors.ReferenceDateError, match="E011"):
        newsextract.extract("区委召开会议。", reference_date=value)


def test_api_extract_empty_string_gives_empty_document(nlp):
    doc = newsextract.extract("")
    assert doc == Document(text="", reference_date=None, articles=())


@pytest.mark.parametrize(
    "text",
    [
        "The committee met on Tuesday and approved 3 projects worth $5 million.",
        "   \n\n\t  ",
        "\x00\x01\x02 \ufffd\ud800 \U0001F600" * 3,
        "<html><body><div class='a'>&nbsp;</div><script>var x = 1;</script></body></html>",
    ],
    ids=["english", "whitespace", "control-and-surrogates", "html-no-chinese"],
)
def test_api_extract_foreign_input_has_no_records(nlp, text):
    doc = newsextract.extract(text)
    records = [r for a in doc.articles for r in (*a.people, *a.meetings, *a.indicators, *a.goals, *a.dates)]
    assert records == []


def test_api_reference_date_accepts_date_and_datetime(nlp):
    a = newsextract.extract("区委召开会议。", reference_date=dt.date(2023, 5, 16))
    b = newsextract.extract("区委召开会议。", reference_date=dt.datetime(2023, 5, 16, 8, 0))
    c = newsextract.extract("区委召开会议。", reference_date="2023-05-16")
    assert a.reference_date == b.reference_date == c.reference_date == dt.date(2023, 5, 16)


def test_api_every_record_is_grounded_on_sample_page(sample_doc, sample_text):
    records = list(grounded_records(sample_doc.articles))
    assert len(records) > 50
    for path, r in records:
        assert sample_text[r.start : r.end] == r.text, path


def test_api_to_dict_round_trips(sample_doc):
    again = Document.from_dict(sample_doc.to_dict())
    assert again == sample_doc
    assert Document.from_json(sample_doc.to_json()) == sample_doc


def test_api_pipe_matches_extract(sample_text, nlp):
    texts = [sample_text, "", "3月2日,区委书记方建华主持召开区委常委会。"]
    expected = [newsextract.extract(t, reference_date="2026-06-05") for t in texts]
    assert list(newsextract.pipe(texts, reference_date="2026-06-05")) == expected


def test_api_pipe_two_processes_matches_extract(sample_text, nlp):
    texts = [sample_text, "3月2日,区委书记方建华主持召开区委常委会。"] * 2
    expected = [newsextract.extract(t) for t in texts]
    assert list(newsextract.pipe(texts, n_process=2, batch_size=2)) == expected


@pytest.mark.parametrize("n_process", [2, 3], ids=["one-worker", "two-workers"])
def test_api_pipe_in_parallel_keeps_order_over_many_chunks(nlp, n_process):
    # more chunks than workers: some are extracted by the workers, some by this process
    texts = [f"{m}月{d}日,区委书记方建华主持召开区委常委会,研究第{m * 31 + d}项工作。" for m in (3, 4) for d in range(1, 31)]
    expected = [newsextract.extract(t) for t in texts]
    got = list(newsextract.pipe(texts, n_process=n_process))
    assert [d.text for d in got] == texts
    assert got == expected


@pytest.mark.parametrize("position", [0, 45], ids=["first-chunk", "later-chunk"])
def test_api_pipe_in_parallel_raises_the_input_error(nlp, position):
    texts: list = ["区委召开会议。"] * 60
    texts[position] = b"\xe5\x8c\xba"
    with pytest.raises(errors.InputTypeError, match="decode"):
        list(newsextract.pipe(texts, n_process=2))


def test_api_import_is_light():
    import subprocess
    import sys

    code = "import sys, newsextract; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_api_all_names_resolve():
    for name in newsextract.__all__:
        assert getattr(newsextract, name) is not None


_CHUNKS = st.sampled_from([
    "区委书记", "林卫东", "主持召开", "全区安全生产工作会议", "，", "。", "、", "\n", "\n\n", "# ", "## ",
    "同比增长", "12.5%", "３６家", "以上", "力争", "确保", "年底前", "5月14日", "下午", "(记者 苏晓岚)",
    "(下转2版)", "副区长", "陈思远", "区领导", "出席", "讲话", "“", "”", " ", "亿元", "两三个", "<p>",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(_CHUNKS | st.text(max_size=5), max_size=40).map("".join))
def test_api_extract_never_raises_and_is_grounded(nlp, text):
    doc = newsextract.extract(text, reference_date="2024-03-01")
    for path, r in grounded_records(doc.articles):
        assert text[r.start : r.end] == r.text, path


def test_api_one_megabyte_completes(nlp):
    para = "今年以来,全区实现地区生产总值86.5亿元,同比增长7.2%。区委书记林卫东主持召开会议,力争全年引进项目20个以上。\n"
    text = para * (1_000_000 // len(para.encode("utf-8")))
    assert len(text.encode("utf-8")) > 900_000
    doc = newsextract.extract(text)
    assert len(doc.articles) == 1


# Worst-case shapes (no sentence end, one character repeated, thousands of numbers or names in
# one clause). Their speed is measured by benchmarks/bench_pipeline.py; here: they complete,
# raise nothing and stay grounded.
_WORST_CASES = {
    "no-punctuation": "".join(chr(0x4E00 + (i * 7919) % 3000) for i in range(20_000)),
    "one-digit-repeated": "1" * 20_000,
    "numbers-in-one-clause": "增长12.5%" * 3_000,
    "names-in-one-list": "韦某、" * 6_000,
    "unclosed-quotes": "“" * 20_000,
    "meetings-in-one-sentence": "<p>区委召开会议</p>" * 1_500,
}


@pytest.mark.parametrize("text", list(_WORST_CASES.values()), ids=list(_WORST_CASES))
def test_api_worst_case_shapes_complete_grounded(nlp, text):
    doc = newsextract.extract(text)
    for path, r in grounded_records(doc.articles):
        assert text[r.start : r.end] == r.text, path
