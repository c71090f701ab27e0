#!/usr/bin/env python3
"""Writes reports of pathological shapes, for tests/inputs.rs and scripts/bench-inputs.

Usage: scripts/shapes-of-input.py KIND SIZE OUT.txt
  numbers  SIZE numbers in one sentence (two per clause: 投资12.2亿元、增长12%)
  line     one line of SIZE chars without punctuation
  nested   SIZE nested quotes and brackets around a name
  corpus   the reports of the folder $CORPUS (default: shared/corpus/hebei-province beside
           the repository or its worktree) concatenated until the file holds SIZE megabytes
"""
import os
import sys

OPENING = "——2021年1月8日在石家庄市长安区第五届人民代表大会第六次会议上\n各位代表:\n一、2020年工作回顾\n"
CLOSING = "\n二、2021年工作安排\n抓好落实。\n"


def numbers(n):
    items = (f"项目{i}投资{i % 997}.{i % 10}亿元、增长{i % 100}%" for i in range(n // 2))
    return OPENING + "全区" + ",".join(items) + "。" + CLOSING


def line(n):
    words = "长安区建设雪亮工程推进城市更新改造老旧小区"
    return OPENING + (words * (n // len(words) + 1))[:n] + CLOSING


def nested(n):
    marks = ["“", "(", "《", "【", "‘", "["]
    closes = {"“": "”", "(": ")", "《": "》", "【": "】", "‘": "’", "[": "]"}
    opens = [marks[i % len(marks)] for i in range(n)]
    return OPENING + "实施" + "".join(opens) + "雪亮工程" + "".join(closes[o] for o in reversed(opens)) + "。" + CLOSING


def corpus(megabytes):
    here = os.path.dirname(os.path.abspath(__file__))
    candidates = [os.environ.get("CORPUS", "")] + [
        os.path.join(here, up, "shared/corpus/hebei-province") for up in ("../..", "../../..")
    ]
    folder = next(c for c in candidates if c and os.path.isdir(c))
    texts = [open(os.path.join(folder, f), encoding="utf-8").read() for f in sorted(os.listdir(folder)) if f.endswith(".txt")]
    target, parts, size = megabytes * 1_000_000, [], 0
    while size < target:
        for t in texts:
            parts.append(t)
            size += len(t.encode())
            if size >= target:
                break
    return "\n".join(parts)


def main():
    kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    text = {"numbers": numbers, "line": line, "nested": nested, "corpus": corpus}[kind](size)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


main()
