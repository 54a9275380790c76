#!/usr/bin/env python3
"""Score Parkline's extractor on the seeds and the development corpus.

    scripts/evaluate.py                   # seeds + Tests/Corpus/dev, summary and per-page recall
    scripts/evaluate.py --misses          # also every required event missed and every extra one
    scripts/evaluate.py --corpus DIR      # another corpus laid out like Tests/Corpus/dev
                                          # (docs/, published.tsv, gold.jsonl)
    scripts/evaluate.py --parkline PATH   # a parkline binary (default: build the debug one)
    scripts/evaluate.py --as-html         # each page delivered as a government CMS's HTML page
                                          # (menus, a sidebar of dated headlines, a script and a
                                          # footer with dates; every other page in GBK): the
                                          # scores should be the text's

An extracted event matches a gold event when it comes from the same page (the
gold `doc` is a prefix of the file name), names one of the gold's parks (in its
park name, id or aliases), has a type of the same class (building acts are one
class, gatherings another), carries one of the gold's keys in its title,
evidence or subjects, and has the gold's date at the gold's precision. Each
gold event matches at most one extracted event; required gold is matched
first. Optional gold is neither required nor counted against. Strict scores
need the date; loose ones do not. The last line is `strict_f1=… loose_f1=…`.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

TYPE_CLASS = {
    "groundbreaking": "building", "opening": "building", "completion": "building",
    "meeting": "gathering", "visit": "gathering",
}


def type_class(name):
    return TYPE_CLASS.get(name, name)


def folded(text):
    return unicodedata.normalize("NFKC", text or "")


def page_of(event):
    return (event.get("source") or {}).get("document", "").rsplit("/", 1)[-1]


def date_at_precision(event):
    cut = {"day": 10, "month": 7, "year": 4}.get(event.get("precision", ""))
    date = event.get("date", "")
    return date[:cut] if cut else date


def park_text(event):
    park = event.get("park") or {}
    return folded(" ".join([park.get("id", ""), park.get("name", "")] + list(park.get("aliases") or [])))


def event_text(event):
    parts = [event.get("title", ""), event.get("evidence", ""), json.dumps(event.get("subjects", []), ensure_ascii=False)]
    return folded(" ".join(parts))


def same_event(gold, event, with_date):
    if not page_of(event).startswith(gold["doc"]):
        return False
    if not any(folded(name) in park_text(event) for name in gold["park"]):
        return False
    if type_class(event.get("type")) not in {type_class(t) for t in gold["types"]}:
        return False
    if not any(folded(key) in event_text(event) for key in gold["keys"]):
        return False
    if with_date:
        date = date_at_precision(event)
        return date == gold["date"] or (gold.get("optional", False) and date.startswith(gold["date"]))
    return True


def match(gold, events, with_date):
    """Gold index → event index, required gold first, each event used once."""
    used, pairs = set(), {}
    for g in sorted(range(len(gold)), key=lambda i: gold[i].get("optional", False)):
        for e, event in enumerate(events):
            if e not in used and same_event(gold[g], event, with_date):
                used.add(e)
                pairs[g] = e
                break
    return pairs


def figures(gold, events, pairs):
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    tp = sum(1 for i in required if i in pairs)
    fp = len(events) - len(pairs)
    fn = len(required) - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(tp=tp, fp=fp, fn=fn, p=precision, r=recall, f1=f1)


def build_parkline():
    print("building parkline (swift build --product parkline)…", file=sys.stderr)
    built = subprocess.run(["swift", "build", "--product", "parkline"], cwd=ROOT, capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(built.stdout + built.stderr)
    path = subprocess.run(["swift", "build", "--product", "parkline", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "parkline")


def extract(parkline, files):
    """(path, published or None) → events, one `parkline extract` per page."""
    events = []
    for path, published in files:
        command = [parkline, "extract", "--format", "ndjson", path]
        if published:
            command[2:2] = ["--published", published]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            print(f"  {os.path.basename(path)}: {result.stderr.strip()}", file=sys.stderr)
            continue
        events += [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return events


CMS_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta name="PubDate" content="{published}"><title>{title}_园区管理委员会门户网站</title>
<script>var lastUpdated = "2019年3月1日"; function share() {{ return "2020-01-01"; }}</script>
<style>.nav {{ font-size: 12px; }}</style></head><body>
<div class="top">今天是2021年6月18日 星期五 <a href="/">首页</a> | <a href="/xxgk/">信息公开</a></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/tzgg/">通知公告</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">园区动态</a></div>
<div class="main"><div class="article"><h1>{title}</h1>
<div class="info">发布时间：{published}　来源：管委会办公室</div>
<div class="content">{paragraphs}</div></div>
<div class="sidebar"><h3>相关新闻</h3><ul>
<li><a href="/xwzx/2019/0301.html">园区召开安全生产工作会议</a><span>2019-03-01</span></li>
<li><a href="/xwzx/2018/1120.html">园区与多家企业集中签约</a><span>2018-11-20</span></li>
<li><a href="/xwzx/2017/0505.html">园区重点项目开工建设</a><span>2017-05-05</span></li>
</ul></div></div>
<div class="footer">版权所有 © 2015-2021 园区管理委员会　2016年1月1日起本站启用新域名　备案号：X-12345</div>
</body></html>
"""


def as_html(files, folder):
    """Each text page written as a CMS page into `folder`; every other one in GBK."""
    import html
    pages = []
    for index, (path, published) in enumerate(files):
        lines = [line.strip() for line in open(path, encoding="utf-8").read().splitlines() if line.strip()]
        title, body = (lines[0], lines[1:]) if lines else ("", [])
        charset = "gbk" if index % 2 else "utf-8"
        page = CMS_PAGE.format(charset=charset, published=published or "", title=html.escape(title),
                               paragraphs="\n".join(f"<p>{html.escape(line)}</p>" for line in body))
        target = os.path.join(folder, os.path.basename(path) + ".html")
        try:
            data = page.encode(charset)
        except UnicodeEncodeError:
            data = page.encode("utf-8")
        with open(target, "wb") as out:
            out.write(data)
        pages.append((target, published))
    return pages


def load_gold(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def corpus_files(folder):
    published = {}
    for line in open(os.path.join(folder, "published.tsv"), encoding="utf-8"):
        if line.strip():
            name, date = line.rstrip("\n").split("\t")[:2]
            published[name] = date
    return [(os.path.join(folder, "docs", name), date) for name, date in sorted(published.items())]


def report(name, gold, events, show_misses):
    events = [e for e in events if any(page_of(e).startswith(g["doc"]) for g in gold)]
    strict_pairs = match(gold, events, True)
    strict = figures(gold, events, strict_pairs)
    loose = figures(gold, events, match(gold, events, False))
    print(f"\n{name}: {len({g['doc'] for g in gold})} pages, {sum(1 for g in gold if not g.get('optional'))} required events, "
          f"{len(events)} extracted")
    print(f"  strict  P={strict['p']:.3f} R={strict['r']:.3f} F1={strict['f1']:.3f}  (tp={strict['tp']} fp={strict['fp']} fn={strict['fn']})")
    print(f"  loose   P={loose['p']:.3f} R={loose['r']:.3f} F1={loose['f1']:.3f}")
    rows = []
    for doc in sorted({g["doc"] for g in gold}):
        required = [i for i, g in enumerate(gold) if g["doc"] == doc and not g.get("optional")]
        found = sum(1 for i in required if i in strict_pairs)
        mine = [i for i, e in enumerate(events) if page_of(e).startswith(doc)]
        extra = sum(1 for i in mine if i not in strict_pairs.values())
        if found < len(required) or extra:
            rows.append(f"    {doc:5s} recall {found}/{len(required)}  extra {extra}")
    print("  pages not perfect:" if rows else "  every page perfect")
    print("\n".join(rows)) if rows else None
    if show_misses:
        for i, g in enumerate(gold):
            if not g.get("optional") and i not in strict_pairs:
                print(f"  MISSED {g['doc']} {'/'.join(g['types'])} {g['date']} keys={g['keys'][:3]}")
        used = set(strict_pairs.values())
        for i, e in enumerate(events):
            if i not in used:
                print(f"  EXTRA  {page_of(e)[:3]} {e['type']} {date_at_precision(e)} {e['park']['name']}: {e['title'][:40]}")
    return strict, loose


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="a corpus folder (docs/, published.tsv, gold.jsonl)")
    parser.add_argument("--parkline", help="the parkline binary to run")
    parser.add_argument("--misses", action="store_true", help="list missed and extra events")
    parser.add_argument("--as-html", action="store_true", help="deliver each page as a CMS's HTML page")
    args = parser.parse_args()
    parkline = args.parkline or build_parkline()
    with tempfile.TemporaryDirectory(prefix="parkline-html-") as staging:
        evaluate(args, parkline, staging)


def evaluate(args, parkline, staging):
    results = []
    if not args.corpus:
        seeds = os.path.join(ROOT, "seeds")
        events = extract(parkline, [(seeds, None)])
        results.append(report("seeds", load_gold(os.path.join(ROOT, "Tests/Corpus/seeds-gold.jsonl")), events, args.misses))
    for folder in args.corpus or [os.path.join(ROOT, "Tests/Corpus/dev")]:
        files = corpus_files(folder)
        events = extract(parkline, as_html(files, staging) if args.as_html else files)
        results.append(report(os.path.relpath(folder, ROOT), load_gold(os.path.join(folder, "gold.jsonl")), events, args.misses))
    strict, loose = results[-1]
    print(f"\nstrict_f1={strict['f1']:.3f} loose_f1={loose['f1']:.3f}")


if __name__ == "__main__":
    main()
