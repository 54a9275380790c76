#!/usr/bin/env python3
"""Measure how Parkline merges several outlets' reports of one act.

    scripts/evaluate_merging.py clusters   # Tests/Corpus/merge: pairwise merge precision and recall
    scripts/evaluate_merging.py wordings   # dev corpus, then its second wordings: strict F1 before and after
    scripts/evaluate_merging.py wordings --first DIR --second DIR   # another corpus and its second wordings
    scripts/evaluate_merging.py ... --parkline PATH   # a parkline binary (default: the debug build)

`clusters` ingests every report of Tests/Corpus/merge (in file order, one
ingest) into a fresh embedded database and reads `parkline events --format
json`. Two reports are predicted to be of one act when one timeline event
lists both; they are of one act when `clusters.jsonl` says so. Precision
and recall are over those pairs; `negatives.jsonl`'s pairs are checked one
by one. A report the extractor reads no event in is listed (it costs recall).

`wordings` ingests Tests/Corpus/dev (each page at its publication date) and
scores `parkline events` with ../shared/eval/score.py; then ingests
Tests/Corpus/dev-second (another outlet's report of each page, a day later)
into the same database and scores again. Duplicates count against
precision, so the second score stays where the first was only if every
report of a known act merges into it.
"""
import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SCORER = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval", "score.py"))


def stage(folder, target):
    """Copy a corpus's docs into `target` with a manifest of their publication dates."""
    os.makedirs(target, exist_ok=True)
    entries = []
    with open(os.path.join(folder, "published.tsv"), encoding="utf-8") as tsv:
        for line in tsv:
            name, date = line.rstrip("\n").split("\t")
            shutil.copy(os.path.join(folder, "docs", name), os.path.join(target, name))
            entries.append({"file": name, "published": date})
    with open(os.path.join(target, "manifest.json"), "w", encoding="utf-8") as manifest:
        json.dump({"documents": entries}, manifest, ensure_ascii=False)


def run(parkline, home, *arguments):
    result = subprocess.run([parkline, *arguments, "--data-dir", home], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"parkline {' '.join(arguments)} failed: {result.stderr.strip()}")
    return result.stdout


def pairs(groups):
    return {tuple(sorted(pair)) for group in groups for pair in itertools.combinations(sorted(set(group)), 2)}


def clusters(parkline, work):
    corpus = os.path.join(ROOT, "Tests", "Corpus", "merge")
    staged = os.path.join(work, "merge")
    stage(corpus, staged)
    home = os.path.join(work, "home-merge")
    run(parkline, home, "ingest", staged)
    events = json.loads(run(parkline, home, "events", "--format", "json"))
    acts = [json.loads(line) for line in open(os.path.join(corpus, "clusters.jsonl"), encoding="utf-8") if line.strip()]
    negatives = [json.loads(line) for line in open(os.path.join(corpus, "negatives.jsonl"), encoding="utf-8") if line.strip()]
    predicted_groups = [[report["document"] for report in event["reports"]] for event in events]
    gold, predicted = pairs(act["files"] for act in acts), pairs(predicted_groups)
    right = gold & predicted
    precision = len(right) / len(predicted) if predicted else 1.0
    recall = len(right) / len(gold) if gold else 1.0
    read = {name for group in predicted_groups for name in group}
    unread = sorted({name for act in acts for name in act["files"]} - read)
    print(f"reports: {sum(len(act['files']) for act in acts)} of {len(acts)} acts; events shown: {len(events)}")
    print(f"same-act pairs: {len(gold)} in the gold, {len(predicted)} merged, {len(right)} right")
    for pair in sorted(predicted - gold):
        print("WRONG MERGE", *pair)
    for pair in sorted(gold - predicted):
        print("NOT MERGED ", *pair, "(no event read)" if any(name in unread for name in pair) else "")
    kept = sum(1 for negative in negatives if tuple(sorted(negative["files"])) not in predicted)
    print(f"hard negatives kept apart: {kept} of {len(negatives)}")
    print(f"reports with no event read: {len(unread)} {unread}")
    print(f"merge_precision={precision:.3f} merge_recall={recall:.3f}")


def score(events_path, gold_path):
    result = subprocess.run([sys.executable, SCORER, gold_path, events_path], capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def wordings(parkline, work, first, second):
    home = os.path.join(work, "home-dev")
    gold = os.path.join(first, "gold.jsonl")
    for label, corpus, folder in [("one wording", "dev", first), ("both wordings", "dev-second", second)]:
        staged = os.path.join(work, corpus)
        stage(folder, staged)
        run(parkline, home, "ingest", staged)
        events = os.path.join(work, corpus + ".ndjson")
        with open(events, "w", encoding="utf-8") as out:
            out.write(run(parkline, home, "events", "--format", "ndjson"))
        merged = sum(1 for line in open(events, encoding="utf-8") if len(json.loads(line)["reports"]) > 1)
        print(f"{label}: {score(events, gold)} ({merged} events with several reports)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["clusters", "wordings"])
    parser.add_argument("--parkline", default=os.path.join(ROOT, ".build", "debug", "parkline"))
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    parser.add_argument("--first", default=os.path.join(ROOT, "Tests", "Corpus", "dev"),
                        help="wordings: the corpus ingested first (docs/, published.tsv, gold.jsonl)")
    parser.add_argument("--second", default=os.path.join(ROOT, "Tests", "Corpus", "dev-second"),
                        help="wordings: its second wordings (docs/, published.tsv), scored against the first's gold")
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="pkm-", dir="/tmp")
    # mkdtemp makes it private: readable by the postgres user, the clusters stay inside it and go with it.
    os.chmod(work, 0o755)
    try:
        if arguments.what == "clusters":
            clusters(arguments.parkline, work)
        else:
            wordings(arguments.parkline, work, arguments.first, arguments.second)
    finally:
        for home in ("home-merge", "home-dev"):
            if os.path.exists(os.path.join(work, home)):
                subprocess.run([arguments.parkline, "db", "stop", "--data-dir", os.path.join(work, home)], capture_output=True)
        if arguments.keep:
            print("scratch:", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
