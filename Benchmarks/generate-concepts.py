#!/usr/bin/env python3
"""Deterministic generator of two SKOS vocabularies for the alignment benchmark.

    python3 Benchmarks/generate-concepts.py --concepts 10000 --out-dir DIR

Writes DIR/source-N.nt and DIR/target-N.nt: N concepts each, in a hierarchy (up to four
levels), with Bokmål preferred labels of one to four words drawn from a vocabulary of
generated words, alternative labels on a third, and definitions on half. The target
vocabulary describes the same things with changes: 60 % keep the label, 15 % are re-spelt
(a letter changed, swapped or dropped), 10 % change word order or drop a word, and 15 %
are new concepts that match nothing. Same arguments give the same bytes (random.Random(seed)).
"""

import argparse
import os
import random

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SYLLABLES = ["be", "bo", "sted", "ad", "res", "se", "virk", "som", "het", "eien", "dom", "skatt", "kom", "mune",
             "fyl", "ke", "reg", "is", "ter", "num", "mer", "per", "son", "opp", "lys", "ning", "an", "del",
             "grunn", "bok", "mat", "rik", "kel", "tje", "nes", "te", "lov", "ar", "beid", "hel", "omsorg"]


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def lit(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@nb'


def respell(rng, text):
    letters = list(text)
    i = rng.randrange(len(letters))
    kind = rng.randrange(3)
    if kind == 0:
        letters[i] = rng.choice("aeiouyæøå")
    elif kind == 1 and i + 1 < len(letters):
        letters[i], letters[i + 1] = letters[i + 1], letters[i]
    elif len(letters) > 4:
        del letters[i]
    return "".join(letters)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--concepts", type=int, default=10000)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--seed", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    vocabulary = sorted({word(rng) for _ in range(max(2000, args.concepts // 2))})
    n = args.concepts
    labels, parents = [], []
    seen = set()
    for i in range(n):
        while True:
            label = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 4)))
            if label not in seen:
                seen.add(label)
                break
        labels.append(label)
        parents.append(rng.randrange(i) if i > 20 and rng.random() < 0.9 else None)
    alts = {i: " ".join(reversed(labels[i].split())) + " " + rng.choice(vocabulary) for i in range(n) if rng.random() < 0.33}
    definitions = {i: " ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 12))) for i in range(n) if rng.random() < 0.5}

    def write(path, base, label_of, count_extra):
        with open(path, "w", encoding="utf-8") as out:
            scheme = f"<{base}scheme>"
            out.write(f"{scheme} <{RDF_TYPE}> <{SKOS}ConceptScheme> .\n")
            for i in range(n):
                label = label_of(i)
                if label is None:
                    continue
                c = f"<{base}c{i}>"
                out.write(f"{c} <{RDF_TYPE}> <{SKOS}Concept> .\n{c} <{SKOS}inScheme> {scheme} .\n")
                out.write(f"{c} <{SKOS}prefLabel> {lit(label)} .\n")
                if i in alts:
                    out.write(f"{c} <{SKOS}altLabel> {lit(alts[i])} .\n")
                if i in definitions:
                    out.write(f"{c} <{SKOS}definition> {lit(definitions[i])} .\n")
                if parents[i] is not None and label_of(parents[i]) is not None:
                    out.write(f"{c} <{SKOS}broader> <{base}c{parents[i]}> .\n")
            for j in range(count_extra):
                c = f"<{base}new{j}>"
                label = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 3))) + " ny"
                out.write(f"{c} <{RDF_TYPE}> <{SKOS}Concept> .\n{c} <{SKOS}inScheme> {scheme} .\n{c} <{SKOS}prefLabel> {lit(label)} .\n")

    changes = {}
    for i in range(n):
        r = rng.random()
        if r < 0.60:
            changes[i] = labels[i]
        elif r < 0.75:
            changes[i] = respell(rng, labels[i])
        elif r < 0.85:
            words = labels[i].split()
            if len(words) > 2:
                words.pop(rng.randrange(len(words)))
            else:
                words.reverse()
            changes[i] = " ".join(words)
        else:
            changes[i] = None
    os.makedirs(args.out_dir, exist_ok=True)
    write(os.path.join(args.out_dir, f"source-{n}.nt"), "http://example.org/a/", lambda i: labels[i], 0)
    write(os.path.join(args.out_dir, f"target-{n}.nt"), "http://example.org/b/", lambda i: changes[i],
          sum(1 for v in changes.values() if v is None))


if __name__ == "__main__":
    main()
