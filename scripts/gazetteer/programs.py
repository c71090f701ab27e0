#!/usr/bin/env python3
"""Mines the corpus for names of national programs, and counts the rows of programs.tsv.

    scripts/gazetteer/programs.py candidates [MIN_REPORTS]   # names that recur, to review
    scripts/gazetteer/programs.py count ontology/gazetteer/programs.tsv   # rewrite its sources

Reports are $SHARED/corpus/**/*.txt and $SHARED/seeds/*.txt (SHARED defaults to ../shared,
the seed among them), read as the text
stage reads them (full-width forms made half-width). A report's year is the last four-digit
number of its file name.

`candidates` prints quoted terms (“…”) and words ending like a program (战略, 改革, 工程, 制 …)
found in at least MIN_REPORTS reports (default 3), most frequent first, with the number of reports
and their years. It proposes; a person keeps the national ones (not one province's own names)
in programs.tsv.

`count` sets each row's source from the corpus: `mined:N:YEAR,…` when its name or an alias
is in N ≥ 2 reports (one year per report), else `general` (general knowledge).
"""

import collections
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# ../shared beside the repository, or where SHARED says (a worktree has none beside it).
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))
ENDINGS = ("战略", "改革", "工程", "行动", "计划", "攻坚战", "制度", "体系", "试点", "机制",
           "倡议", "规划", "制", "建设", "发展", "振兴", "脱贫", "崛起", "开发", "示范区")
QUOTED = re.compile(r"“([^”]{2,16})”")
HAN = re.compile(r"[\u4e00-\u9fff]+")


def half_width(text):
    return "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)


def reports():
    paths = sorted(glob.glob(os.path.join(SHARED, "corpus", "**", "*.txt"), recursive=True))
    paths += sorted(glob.glob(os.path.join(SHARED, "seeds", "*.txt")))
    for path in paths:
        year = re.findall(r"(?:19|20)\d\d", os.path.basename(path))[-1]
        with open(path, encoding="utf-8") as f:
            yield int(year), half_width(f.read())


def candidates(min_reports):
    seen = collections.defaultdict(list)
    left = collections.defaultdict(set)
    for year, text in reports():
        found = set(QUOTED.findall(text))
        for run in HAN.findall(text):
            for end in ENDINGS:
                for m in re.finditer(re.escape(end), run):
                    stop = m.end()
                    for start in range(max(0, stop - 14), stop - len(end) - 1):
                        name = run[start:stop]
                        found.add(name)
                        left[name].add(run[start - 1] if start else "")
        for name in found:
            seen[name].append(year)
    kept = {n: ys for n, ys in seen.items() if len(ys) >= min_reports}
    # A name always preceded by the same char is the tail of a longer one (振兴战略 of
    # 乡村振兴战略); a name as frequent as a longer one containing it adds nothing.
    for name, years in sorted(kept.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if name in left and len(left[name]) < 2:
            continue
        if any(name in other and name != other and len(kept[other]) == len(years) for other in kept):
            continue
        print(f"{len(years)}\t{name}\t{','.join(map(str, sorted(years)))}")


def count(path):
    texts = list(reports())
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) != 6:
                out.append(line.rstrip("\n"))
                continue
            forms = [fields[0]] + [a for a in fields[3].split("|") if a]
            years = sorted(y for y, text in texts if any(f in text for f in forms))
            if len(years) >= 2:
                fields[5] = f"mined:{len(years)}:{','.join(map(str, years))}"
            elif fields[5].startswith("mined:"):
                fields[5] = "general"
            out.append("\t".join(fields))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "candidates":
        candidates(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    elif len(sys.argv) == 3 and sys.argv[1] == "count":
        count(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
