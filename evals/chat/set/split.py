#!/usr/bin/env python3
"""Splits the chat question set into dev and held-out.

Rule: a question is held-out when the first byte of sha1(id) is below 85 (about 1/3), otherwise dev.
The split depends only on the id, so re-running it never moves a question.

Usage:
  python3 evals/chat/set/split.py               # re-split the union of the two files in place
  python3 evals/chat/set/split.py --from ALL.json   # split a flat list of questions (or {questions: [...]})
  python3 evals/chat/set/split.py --check       # only report counts and check coverage; write nothing

Prints counts per kind x lang x split and fails (exit 1) when a (kind, lang) cell has no question in
one of the two splits, or when a question is malformed.
"""
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {'dev': HERE / 'questions.dev.json', 'heldout': HERE / 'questions.heldout.json'}
KINDS = ['value', 'check', 'explanation', 'location', 'summary', 'count', 'absent', 'false-premise']
LANGS = ['id', 'en']
EXPECT = {'absent': 'absent', 'false-premise': 'correction'}
ABOUT = {
    'dev': 'Chat question set, dev split: written by hand from the LKjIP documents (two seed reports and four '
           'text-PDF dev corpus reports), not from lkjip output. May be used while tuning the chat. '
           'See evals/chat/set/README.md.',
    'heldout': 'Chat question set, HELD-OUT split: written by hand from the LKjIP documents, not from lkjip output. '
               'Never read, run or inspect these questions or their results while tuning the chat; score on them '
               'only to report. See evals/chat/set/README.md.',
}


def split_of(qid: str) -> str:
    return 'heldout' if hashlib.sha1(qid.encode('utf-8')).digest()[0] < 85 else 'dev'


def validate(q: dict) -> list:
    errs = []
    for k in ['id', 'doc', 'lang', 'kind', 'question', 'expect', 'facts', 'citePages', 'note']:
        if k not in q:
            errs.append(f'{q.get("id")}: missing {k}')
    if errs:
        return errs
    if not q['id'].startswith(f'q-{q["doc"]}-'):
        errs.append(f'{q["id"]}: id does not match doc')
    if q['lang'] not in LANGS:
        errs.append(f'{q["id"]}: lang {q["lang"]}')
    if q['kind'] not in KINDS:
        errs.append(f'{q["id"]}: kind {q["kind"]}')
    if q['expect'] != EXPECT.get(q['kind'], 'answer'):
        errs.append(f'{q["id"]}: expect {q["expect"]} for kind {q["kind"]}')
    if q['expect'] == 'absent':
        if q['citePages']:
            errs.append(f'{q["id"]}: absent question with citePages')
    else:
        if not 1 <= len(q['facts']) <= 4:
            errs.append(f'{q["id"]}: {len(q["facts"])} facts')
        if not q['citePages']:
            errs.append(f'{q["id"]}: no citePages')
    return errs


def load(args) -> list:
    if '--from' in args:
        data = json.loads(Path(args[args.index('--from') + 1]).read_text(encoding='utf-8'))
        return data['questions'] if isinstance(data, dict) else data
    qs = []
    for f in FILES.values():
        if f.exists():
            qs += json.loads(f.read_text(encoding='utf-8'))['questions']
    return qs


def main(args) -> int:
    qs = load(args)
    ids = Counter(q['id'] for q in qs)
    errs = [f'duplicate id {i}' for i, n in ids.items() if n > 1]
    for q in qs:
        errs += validate(q)
    by = {'dev': [], 'heldout': []}
    for q in sorted(qs, key=lambda q: q['id']):
        by[split_of(q['id'])].append(q)

    cell = Counter((q['kind'], q['lang'], split_of(q['id'])) for q in qs)
    print(f'{len(qs)} questions: dev {len(by["dev"])}, heldout {len(by["heldout"])}')
    print(f'{"kind":<14}' + ''.join(f'{l + "/" + s:>11}' for l in LANGS for s in ('dev', 'heldout')) + f'{"total":>8}')
    for k in KINDS:
        row = [cell[(k, l, s)] for l in LANGS for s in ('dev', 'heldout')]
        print(f'{k:<14}' + ''.join(f'{n:>11}' for n in row) + f'{sum(row):>8}')
        for l in LANGS:
            for s in ('dev', 'heldout'):
                if cell[(k, l, s)] == 0:
                    errs.append(f'no {k}/{l} question in {s}')
    docs = Counter((q['doc'], split_of(q['id'])) for q in qs)
    for d in sorted({q['doc'] for q in qs}):
        print(f'  {d}: dev {docs[(d, "dev")]}, heldout {docs[(d, "heldout")]}')

    if '--check' not in args:
        for s, f in FILES.items():
            doc = {'about': ABOUT[s], 'version': 1, 'split': s, 'questions': by[s]}
            f.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + '\n', encoding='utf-8')
    for e in errs:
        print('ERROR', e, file=sys.stderr)
    return 1 if errs else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
