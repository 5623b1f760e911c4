"""The newsextract command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsextract.cli import main


def test_cli_extract_json_on_sample_page(nlp, sample_text, tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(sample_text, encoding="utf-8")
    assert main(["extract", str(page), "--format", "json", "--reference-date", "2026-06-05"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(page)
    assert [a["title"]["text"] for a in data["articles"]][2] == "青溪区召开夏季治水工作推进会"


def test_cli_extract_jsonl_two_files_and_output(nlp, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("3月2日,区委书记方建华主持召开区委常委会。", encoding="utf-8")
    b.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(a), str(b), "--format", "jsonl", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in rows] == [str(a), str(b)]
    assert rows[1]["articles"] == []


def test_cli_extract_table(nlp, sample_text, tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(sample_text, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Article 1: 压实责任 守牢底线 全力护航群众生命财产安全" in out
    assert "byline: reporter 苏晓岚, correspondent 卢佳琪" in out


@pytest.mark.parametrize("content", [None, b"\xff\xfe\x00bad"], ids=["missing", "not-utf8"])
def test_cli_extract_unreadable_file_exit_1(nlp, tmp_path, capsys, content):
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("区委召开会议。", encoding="utf-8")
    assert main(["extract", str(bad), str(good), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert f"cannot read {bad}" in captured.err
    assert json.loads(captured.out)["file"] == str(good)


def test_cli_extract_bad_reference_date_exit_2(capsys):
    assert main(["extract", "x.txt", "--reference-date", "May 5"]) == 2
    assert "E011" in capsys.readouterr().err


def test_cli_stdin_and_python_m(nlp):
    proc = subprocess.run(
        [sys.executable, "-m", "newsextract", "extract", "-", "--format", "json"],
        input="3月2日,区委书记方建华主持召开区委常委会。", capture_output=True, text=True, check=True,
    )
    assert json.loads(proc.stdout)["file"] == "-"


def test_cli_model_missing_exit_3(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSEXTRACT_DATA", str(tmp_path / "empty"))
    assert main(["info"]) == 3
    assert "not installed (run `newsextract download`)" in capsys.readouterr().out


def test_cli_info_reports_installed_model(nlp, capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "model sha256: " in out and "loads: yes" in out
