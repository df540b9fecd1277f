#!/usr/bin/env python3
"""Deterministic generator of Enhetsregisteret-like organisation records for the mapping benchmark.

    python3 Benchmarks/generate-records.py --rows 20000 --format csv -o FILE        # -o - = stdout
    python3 Benchmarks/generate-records.py --size-mb 100 --format json -o FILE
    python3 Benchmarks/generate-records.py --size-mb 1024 --format jsonl -o FILE

One organisation per record: organisation number, name (Norwegian words, æøå), organisational
form (code and name), founding date, employees (left out for a quarter), NACE code and its
description (commas and quotes in some), homepage (half of them), business address (one or two
lines, postcode, post town, municipality number and name), VAT registration and bankruptcy flags.

- csv: a header and one flat row per record (columns below), LF line ends, fields quoted only
  when they must be (RFC 4180).
- json: one array of objects, nested as the register's API has them (organisasjonsform.kode,
  forretningsadresse.adresse[*] ...), one record per line.
- jsonl: the same objects, one per line.

With --rows the number of records is fixed; with --size-mb records are written until the file
holds that many MiB (streamed: nothing is kept in memory). The count goes to stderr:
`generate-records: 20000 records, csv, 3.1 MiB`. Same arguments give the same bytes
(random.Random(seed), no clock, no environment). Standard library only.
"""

import argparse
import json
import random
import sys

CSV_COLUMNS = ["orgnr", "navn", "orgform", "orgform_navn", "stiftet", "ansatte", "naering", "naering_navn",
               "hjemmeside", "adresse", "postnummer", "poststed", "kommunenr", "kommune", "mva"]

ORGFORMS = [("AS", "Aksjeselskap", 40), ("ENK", "Enkeltpersonforetak", 30), ("FLI", "Forening/lag/innretning", 10),
            ("ASA", "Allmennaksjeselskap", 2), ("NUF", "Norskregistrert utenlandsk foretak", 6),
            ("DA", "Selskap med delt ansvar", 4), ("ANS", "Ansvarlig selskap", 3), ("SA", "Samvirkeforetak", 3),
            ("STI", "Stiftelse", 2)]
NACE = [("62.010", "Programmeringstjenester"), ("70.220", "Bedriftsrådgivning og annen administrativ rådgivning"),
        ("41.200", "Oppføring av bygninger"), ("56.101", "Drift av restauranter og kafeer"),
        ("47.111", "Butikkhandel med bredt vareutvalg med hovedvekt på nærings- og nytelsesmidler"),
        ("68.209", "Utleie av egen eller leid fast eiendom ellers"), ("86.211", "Allmenn legetjeneste"),
        ("01.410", "Melkeproduksjon på storfe"), ("03.211", "Produksjon av laks og ørret i hav- og kystbasert akvakultur"),
        ("94.991", "Aktiviteter i andre interesseorganisasjoner ikke nevnt annet sted"),
        ("49.410", "Godstransport på vei"), ("43.210", "Elektrisk installasjonsarbeid"),
        ("74.100", "Spesialisert designvirksomhet"), ("90.012", "Utøvende kunstnere og underholdningsvirksomhet innen scenekunst"),
        ("85.599", "Annen undervisning, ikke nevnt annet sted"), ("96.021", "Frisering"),
        ("58.110", "Utgivelse av bøker, \"lydbøker\" og e-bøker")]
PLACES = [("0150", "OSLO", "0301", "OSLO"), ("5003", "BERGEN", "4601", "BERGEN"), ("7030", "TRONDHEIM", "5001", "TRONDHEIM"),
          ("9008", "TROMSØ", "5501", "TROMSØ"), ("4006", "STAVANGER", "1103", "STAVANGER"),
          ("9730", "KARASJOK", "5610", "KARASJOHKA – KARASJOK"), ("1337", "SANDVIKA", "3201", "BÆRUM"),
          ("8006", "BODØ", "1804", "BODØ"), ("2317", "HAMAR", "3403", "HAMAR"), ("6002", "ÅLESUND", "1508", "ÅLESUND"),
          ("3511", "HØNEFOSS", "3305", "RINGERIKE"), ("9170", "LONGYEARBYEN", "2111", "SVALBARD")]
WORDS = ["nord", "fjord", "data", "bygg", "kompetanse", "helse", "sjømat", "havbruk", "rådgivning", "elektro",
         "transport", "frisør", "kafé", "eiendom", "utvikling", "invest", "holding", "teknikk", "marine", "skog",
         "fjell", "øst", "vest", "sør", "kyst", "lys", "grønn", "smart", "bok", "design", "regnskap", "maskin",
         "service", "energi", "vind", "solkraft", "håndverk", "bryggeri", "bakeri", "musikk", "sport", "omsorg"]
STREETS = ["Storgata", "Kongens gate", "Dronningens gate", "Strandveien", "Industriveien", "Fjordgata",
           "Sjøgata", "Kirkegata", "Nedre Slottsgate", "Øvre Ullern terrasse", "Bryggen", "Havnegata", "Tollbugata"]


def record(rng, i):
    orgnr = str(810_000_000 + i * 37 + rng.randrange(37))
    code, form_name, _ = rng.choices(ORGFORMS, weights=[w for _, _, w in ORGFORMS])[0]
    words = [rng.choice(WORDS) for _ in range(rng.randint(1, 3))]
    name = " ".join(words).upper() + (" " + code if code in ("AS", "ASA", "SA", "DA", "ANS") else "")
    year = rng.randint(1950, 2025)
    founded = "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28))
    employees = rng.choice([0, 1, 2, 3, 5, 8, 12, 25, 40, 120, 850]) + rng.randrange(3) if rng.random() >= 0.25 else None
    nace = rng.choice(NACE)
    homepage = "www." + "".join(w for w in words if w.isascii()) + str(i % 97) + ".no" if rng.random() < 0.5 else None
    postcode, town, municipality, municipality_name = rng.choice(PLACES)
    lines = ["%s %d" % (rng.choice(STREETS), rng.randint(1, 120))]
    if rng.random() < 0.3:
        lines.append("Postboks %d" % rng.randint(1, 9999))
    return {
        "organisasjonsnummer": orgnr,
        "navn": name,
        "organisasjonsform": {"kode": code, "beskrivelse": form_name},
        "stiftelsesdato": founded,
        "antallAnsatte": employees,
        "naeringskode1": {"kode": nace[0], "beskrivelse": nace[1]},
        "hjemmeside": homepage,
        "forretningsadresse": {"land": "Norge", "landkode": "NO", "postnummer": postcode, "poststed": town,
                               "adresse": lines, "kommune": municipality_name, "kommunenummer": municipality},
        "registrertIMvaregisteret": rng.random() < 0.6,
        "konkurs": rng.random() < 0.02,
    }


def csv_field(value):
    if value is None:
        return ""
    text = value if isinstance(value, str) else ("true" if value is True else "false" if value is False else str(value))
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_row(r):
    address = r["forretningsadresse"]
    values = [r["organisasjonsnummer"], r["navn"], r["organisasjonsform"]["kode"], r["organisasjonsform"]["beskrivelse"],
              r["stiftelsesdato"], r["antallAnsatte"], r["naeringskode1"]["kode"], r["naeringskode1"]["beskrivelse"],
              r["hjemmeside"], ", ".join(address["adresse"]), address["postnummer"], address["poststed"],
              address["kommunenummer"], address["kommune"], r["registrertIMvaregisteret"]]
    return ",".join(csv_field(v) for v in values) + "\n"


def json_text(r):
    out = {k: v for k, v in r.items() if v is not None}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def main():
    parser = argparse.ArgumentParser(description="Generate organisation records (CSV, JSON, JSON Lines).")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--rows", type=int, default=20000)
    size.add_argument("--size-mb", type=int, help="write records until the file holds this many MiB")
    parser.add_argument("--format", choices=["csv", "json", "jsonl"], default="csv")
    parser.add_argument("-o", "--output", default="-")
    parser.add_argument("--seed", type=int, default=20000408)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    limit = args.size_mb << 20 if args.size_mb else None
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    written = 0
    count = 0
    chunk = []

    def emit(text):
        nonlocal written
        chunk.append(text)
        written += len(text.encode("utf-8")) if not text.isascii() else len(text)
        if len(chunk) >= 4096:
            out.write("".join(chunk))
            chunk.clear()

    if args.format == "csv":
        emit(",".join(CSV_COLUMNS) + "\n")
    elif args.format == "json":
        emit("[\n")
    while (count < args.rows) if limit is None else (written < limit):
        r = record(rng, count)
        if args.format == "csv":
            emit(csv_row(r))
        elif args.format == "json":
            emit(("," if count else "") + json_text(r) + "\n")
        else:
            emit(json_text(r) + "\n")
        count += 1
    if args.format == "json":
        emit("]\n")
    out.write("".join(chunk))
    if out is not sys.stdout:
        out.close()
    print("generate-records: %d records, %s, %.1f MiB" % (count, args.format, written / (1 << 20)), file=sys.stderr)


if __name__ == "__main__":
    main()
