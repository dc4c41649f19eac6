#!/usr/bin/env python3
"""Finds text in the dialogues and the technique catalog copied from source material: any run of 9 words (case,
punctuation and curly quotes ignored) that also appears in a source file. Content is written fresh from the sources'
facts and techniques; their sentences are never copied.

Usage: scripts/nine-word-runs.py SOURCE_FILE_OR_FOLDER...   (e.g. ../shared/seeds ../shared/research)
Exit: 0 no copied run, 1 some found (each printed with the file it is in)."""
import glob, json, os, re, sys

def words(text):
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'").replace("\u2018", "'"))

def sources(args):
    for a in args:
        if os.path.isdir(a):
            for f in sorted(glob.glob(os.path.join(a, "**", "*"), recursive=True)):
                if os.path.isfile(f): yield f
        elif os.path.isfile(a):
            yield a

def strings(x):
    if isinstance(x, str): yield x
    elif isinstance(x, dict):
        for v in x.values(): yield from strings(v)
    elif isinstance(x, list):
        for v in x: yield from strings(v)

if len(sys.argv) < 2:
    print(__doc__); sys.exit(2)
runs = set()
for f in sources(sys.argv[1:]):
    w = words(open(f, encoding="utf-8", errors="replace").read())
    runs.update(tuple(w[i:i + 9]) for i in range(len(w) - 8))
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ours = [f for f in glob.glob(os.path.join(root, "dialogues", "*.json")) if not f.endswith("schema.json")]
ours.append(os.path.join(root, "src", "main", "resources", "org", "rapport", "catalog", "techniques.json"))
found = 0
for f in ours:
    for text in strings(json.load(open(f, encoding="utf-8"))):
        w = words(text)
        for i in range(len(w) - 8):
            if tuple(w[i:i + 9]) in runs:
                found += 1
                print(f"{os.path.relpath(f, root)}: \"{' '.join(w[i:i + 9])}\"")
                break
print(f"{len(ours)} files checked against {len(runs):,} 9-word runs of the sources: {found} copied.")
sys.exit(1 if found else 0)
