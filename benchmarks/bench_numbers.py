"""Throughput of ``find_quantities`` against cn2an and Recognizers-Text (run by hand, not a test).

    python benchmarks/bench_numbers.py [DEV_DIR]

Needs the bench extra: ``pip install cn2an recognizers-text-suite 'emoji<1.0'``.
Texts: the dev articles (if DEV_DIR exists; default ../shared/eval/dev) and a synthetic
1 MB text built from invented report sentences with random figures. Every tool gets the
same paragraphs. A slow tool is timed on a prefix (at least ``MIN_CHARS``, about
``BUDGET_S`` seconds) and reported in chars/s. Linearity: find_quantities on 100 KB vs 1 MB.
"""

from __future__ import annotations

import random
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from newsextract.numbers import find_quantities

BUDGET_S = 15.0
MIN_CHARS = 20_000

TEMPLATES = [
    "{m}月份,全镇规上企业营收同比增长{p}%,两年均增{p2}%。",
    "已改造{n}家老旧厂房,片区改造率达{p}%以上,腾出闲置地块{n2}余亩。",
    "今年签下千万元以上文旅项目{n}个以上,投入资金{d}亿元。",
    "铺设村内步道{n2}公里以上,加固小桥{n}座、拦水坝{n3}座。",
    "惠及住户{d}万多户{n2}多人,计划投入{n2}万元,村民自筹{n}万元。",
    "商贸投资回落{p}%,餐饮营业额{d}亿元,上涨{p2}%。",
    "全镇共有{cn}个行政村、{cn2}名网格员,服务群众十余万人次。",
    "快于全省平均{p2}个百分点,占全部样本户{p}%。",
    "镇长主持召开第{n}次镇务会,学习“两山”理念和“千村示范”经验。",
    "发放补贴百分之{cn}的资金,约三分之一的村完成改造,用3至5年时间完成。",
]
CN = ["三", "十二", "二十五", "一百零八", "三千零八", "十几", "两三"]


def synthetic(size: int, seed: int = 7) -> list[str]:
    """Paragraphs of invented report sentences totalling about ``size`` characters."""
    rnd = random.Random(seed)
    paras: list[str] = []
    total = 0
    while total < size:
        para = "".join(
            rnd.choice(TEMPLATES).format(
                m=rnd.randint(1, 12), p=round(rnd.uniform(0.1, 99.9), 1), p2=round(rnd.uniform(0.1, 30), 1),
                n=rnd.randint(2, 999), n2=rnd.randint(100, 99999), n3=rnd.randint(2, 500),
                d=round(rnd.uniform(1, 999), 2), cn=rnd.choice(CN), cn2=rnd.choice(CN),
            )
            for _ in range(rnd.randint(3, 8))
        )
        paras.append(para)
        total += len(para) + 1
    return paras


def dev_paragraphs(dev: Path) -> list[str]:
    out: list[str] = []
    for p in sorted(dev.glob("*.txt")):
        out.extend(line for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def timed(fn: Callable[[str], object], paras: list[str], budget: float = BUDGET_S) -> tuple[float, int]:
    """chars/s of ``fn`` over ``paras`` (stops after ``budget`` seconds once MIN_CHARS are done)."""
    chars = 0
    t0 = time.perf_counter()
    for para in paras:
        fn(para)
        chars += len(para)
        if chars >= MIN_CHARS and time.perf_counter() - t0 > budget:
            break
    dt = time.perf_counter() - t0
    return chars / dt, chars


def tools() -> dict[str, Callable[[str], object]]:
    out: dict[str, Callable[[str], object]] = {"find_quantities": find_quantities}
    try:
        import cn2an

        out["cn2an.transform"] = lambda s: cn2an.transform(s, "cn2an")
    except ImportError:
        print("cn2an not installed: pip install cn2an")
    try:
        from recognizers_number import Culture, recognize_number, recognize_percentage
        from recognizers_number_with_unit import recognize_currency, recognize_dimension

        def rt(s: str) -> object:
            return [f(s, Culture.Chinese) for f in (recognize_number, recognize_percentage, recognize_currency, recognize_dimension)]

        rt("预热 1个")  # build its models before timing
        out["Recognizers-Text"] = rt
    except ImportError:
        print("Recognizers-Text not installed: pip install recognizers-text-suite 'emoji<1.0'")
    return out


def main() -> None:
    warnings.filterwarnings("ignore")  # cn2an warns on every numeral it cannot read (十三五, 万)
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
    corpora = {}
    if dev.is_dir():
        corpora["dev"] = dev_paragraphs(dev)
    corpora["synthetic 1 MB"] = synthetic(1_000_000)
    find_quantities("预热1个")  # load data files before timing
    ts = tools()
    for name, paras in corpora.items():
        size = sum(len(p) for p in paras)
        print(f"\n{name}: {size} chars, {len(paras)} paragraphs")
        rates = {}
        for tool, fn in ts.items():
            budget = 1e9 if tool == "find_quantities" else BUDGET_S
            rate, done = timed(fn, paras, budget)
            rates[tool] = rate
            print(f"  {tool:18s} {rate:12,.0f} chars/s  (timed on {done:,} chars)")
        base = rates["find_quantities"]
        for tool, rate in rates.items():
            if tool != "find_quantities":
                print(f"  find_quantities is {base / rate:,.1f}x {tool}")
    # linearity: one 100 KB string vs one 1 MB string
    text_1m = "\n".join(corpora["synthetic 1 MB"])
    text_100k = text_1m[:100_000]
    res = {}
    for label, text in (("100 KB", text_100k), ("1 MB", text_1m)):
        best = float("inf")
        for _ in range(3):  # best of three: the machine is shared
            t0 = time.perf_counter()
            n = len(find_quantities(text))
            best = min(best, time.perf_counter() - t0)
        res[label] = best
        print(f"\nfind_quantities on one {label} string: {best:.3f}s (best of 3), {n} quantities")
    print(f"time ratio 1 MB / 100 KB = {res['1 MB'] / res['100 KB']:.1f} (size ratio {len(text_1m) / len(text_100k):.1f})")


if __name__ == "__main__":
    main()
