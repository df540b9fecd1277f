#!/usr/bin/env python3
"""Deterministic generator of a DCAT-AP-NO-style catalogue for parse benchmarks.

    python3 Benchmarks/generate-catalog.py --datasets 20000 --format ntriples -o FILE
    python3 Benchmarks/generate-catalog.py --datasets 100 --format turtle -o -

Same arguments give the same bytes on every run and machine: the model's randomness comes
from one `random.Random(seed)` (Mersenne Twister, stable across CPython versions), the RDF/XML
layout's from a second one derived from the same seed (so it never changes the model), no
clock, no environment, no iteration over sets. Python 3.11 standard library only.

The model is built first, as blocks of (subject, predicate, object) triples (one block for
the catalogue, then one per dataset with its distributions, contact point and, the first time
it is used, its publisher), and then handed to a serialiser. The serialisers (N-Triples,
Turtle, RDF/XML) all write the same triples, so every format of one size has the same count;
the count is printed on stderr.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
import uuid
from random import Random
from typing import Callable, Iterable, Iterator

DEFAULT_SEED = 20_000_903

# --------------------------------------------------------------------------------------------
# Terms.  ("i", iri) | ("b", label) | ("l", lexical form, language or None, datatype or None)

Term = tuple
Triple = tuple[Term, Term, Term]


def I(iri: str) -> Term:
    return ("i", iri)


def B(label: str) -> Term:
    return ("b", label)


def L(lex: str, lang: str | None = None, datatype: str | None = None) -> Term:
    return ("l", lex, lang, datatype)


# --------------------------------------------------------------------------------------------
# Vocabulary

NS = {  # prefix -> namespace, in the order the serialisers declare them
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "ds": "https://data.norge.no/datasets/",
    "dist": "https://data.norge.no/distributions/",
    "org": "https://data.brreg.no/enhetsregisteret/api/enheter/",
    "theme": "http://publications.europa.eu/resource/authority/data-theme/",
    "los": "https://psi.norge.no/los/tema/",
    "access": "http://publications.europa.eu/resource/authority/access-right/",
    "freq": "http://publications.europa.eu/resource/authority/frequency/",
    "lang": "http://publications.europa.eu/resource/authority/language/",
    "filetype": "http://publications.europa.eu/resource/authority/file-type/",
    "licence": "http://publications.europa.eu/resource/authority/licence/",
    "kommune": "https://data.geonorge.no/administrativeEnheter/kommune/id/",
}

RDF, XSD, DCAT, DCT, FOAF, VCARD = (NS[p] for p in ("rdf", "xsd", "dcat", "dct", "foaf", "vcard"))

A = I(RDF + "type")
DCAT_CATALOG, DCAT_DATASET_C, DCAT_DISTRIBUTION_C = I(DCAT + "Catalog"), I(DCAT + "Dataset"), I(DCAT + "Distribution")
FOAF_ORGANIZATION, VCARD_ORGANIZATION = I(FOAF + "Organization"), I(VCARD + "Organization")
P = {name: I(ns + local) for name, ns, local in [
    ("title", DCT, "title"), ("description", DCT, "description"), ("identifier", DCT, "identifier"),
    ("publisher", DCT, "publisher"), ("issued", DCT, "issued"), ("modified", DCT, "modified"),
    ("accessRights", DCT, "accessRights"), ("language", DCT, "language"), ("spatial", DCT, "spatial"),
    ("accrualPeriodicity", DCT, "accrualPeriodicity"), ("format", DCT, "format"), ("license", DCT, "license"),
    ("dataset", DCAT, "dataset"), ("theme", DCAT, "theme"), ("keyword", DCAT, "keyword"),
    ("contactPoint", DCAT, "contactPoint"), ("distribution", DCAT, "distribution"),
    ("landingPage", DCAT, "landingPage"), ("accessURL", DCAT, "accessURL"),
    ("downloadURL", DCAT, "downloadURL"), ("mediaType", DCAT, "mediaType"), ("byteSize", DCAT, "byteSize"),
    ("themeTaxonomy", DCAT, "themeTaxonomy"), ("homepage", FOAF, "homepage"),
    ("name", FOAF, "name"), ("fn", VCARD, "fn"), ("hasEmail", VCARD, "hasEmail"),
    ("hasTelephone", VCARD, "hasTelephone"),
]}
XSD_DATE, XSD_DATETIME, XSD_DECIMAL = XSD + "date", XSD + "dateTime", XSD + "decimal"

EU_THEMES = ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI",
             "SOCI", "TECH", "TRAN"]
LOS_THEMES = [
    "arbeid", "bygg-og-eiendom", "demokrati-og-innbyggerrettigheter", "familie-og-barn",
    "forvaltning-og-offentlig-sektor", "helse-og-omsorg", "innvandring-og-integrering",
    "kultur-idrett-og-fritid", "landbruk-fiske-og-jakt", "lov-og-rett", "natur-klima-og-miljo",
    "naringsutvikling", "samfunnssikkerhet-og-beredskap", "skatt-og-avgift",
    "skole-og-utdanning", "sosiale-tjenester", "trafikk-og-transport", "ovrige-tema",
]
ACCESS = ["PUBLIC"] * 8 + ["RESTRICTED", "NON_PUBLIC"]
FREQUENCIES = ["ANNUAL", "MONTHLY", "DAILY", "WEEKLY", "QUARTERLY", "IRREG", "CONT", "UPDATE_CONT"]
LANGUAGES = ["NOR"] * 3 + ["NOB", "NNO", "ENG", "SME"]
LICENCES = ["CC_BY_4_0"] * 3 + ["CC0", "NLOD_2_0"]
FORMATS = [  # (EU file type, IANA media type, file extension)
    ("CSV", "text/csv", "csv"), ("JSON", "application/json", "json"), ("XML", "application/xml", "xml"),
    ("GEOJSON", "application/geo+json", "geojson"), ("XLSX",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ("PDF", "application/pdf", "pdf"), ("RDF_TURTLE", "text/turtle", "ttl"),
    ("ZIP", "application/zip", "zip"), ("GML", "application/gml+xml", "gml"),
]
FORMAT_NAMES_NB = {"CSV": "CSV-fil", "JSON": "JSON-API", "XML": "XML-eksport", "GEOJSON": "Kartlag (GeoJSON)",
                   "XLSX": "Regneark", "PDF": "Rapport i PDF", "RDF_TURTLE": "Lenkede data (Turtle)",
                   "ZIP": "Komprimert arkiv", "GML": "Kartdata (GML)"}

AGENCIES = [  # fixed national publishers; kommuner are added below
    "Digitaliseringsdirektoratet", "Kartverket", "Statens vegvesen", "Statistisk sentralbyrå",
    "Brønnøysundregistrene", "Miljødirektoratet", "Norges vassdrags- og energidirektorat",
    "Helsedirektoratet", "Fiskeridirektoratet", "Skatteetaten", "Arbeids- og velferdsetaten",
    "Utdanningsdirektoratet", "Riksantikvaren", "Mattilsynet", "Kystverket", "Landbruksdirektoratet",
    "Direktoratet for samfunnssikkerhet og beredskap", "Nasjonalbiblioteket", "Sjøfartsdirektoratet",
    "Norsk institutt for bioøkonomi", "Meteorologisk institutt", "Havforskningsinstituttet",
    "Direktoratet for forvaltning og økonomistyring", "Bane NOR", "Enova", "Husbanken",
    "Folkehelseinstituttet", "Universitetet i Tromsø – Norges arktiske universitet",
]
PLACES = [
    "Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø", "Ålesund", "Drammen", "Bærum",
    "Lørenskog", "Sunnfjord", "Sør-Varanger", "Ås", "Åfjord", "Hå", "Vågå", "Øygarden", "Færder",
    "Kautokeino", "Molde", "Fredrikstad", "Sandnes", "Kristiansand", "Hammerfest", "Tønsberg",
    "Gjøvik", "Sør-Odal", "Nærøysund", "Hægebostad", "Sømna", "Målselv", "Porsáŋgu", "Kárášjohka",
    "Unjárga", "Snåase", "Skjåk", "Vestvågøy", "Lærdal", "Røros", "Ørland",
]
SUBJECTS = [  # (nb, en)
    ("byggesaker", "building applications"), ("skoler", "schools"), ("barnehager", "kindergartens"),
    ("sykkelveier", "cycle paths"), ("vannkvalitet", "water quality"), ("luftkvalitet", "air quality"),
    ("trafikkulykker", "traffic accidents"), ("høydedata", "elevation data"), ("eiendommer", "properties"),
    ("bomstasjoner", "toll stations"), ("fiskeriaktivitet", "fishing activity"),
    ("næringsareal", "commercial land"), ("søknader om tilskudd", "grant applications"),
    ("politiske vedtak", "political decisions"), ("bibliotekutlån", "library loans"),
    ("helsestasjoner", "health centres"), ("fylkesveier", "county roads"),
    ("naturvernområder", "nature reserves"), ("strømforbruk", "electricity consumption"),
    ("snøskred", "avalanches"), ("kulturminner", "cultural heritage sites"),
    ("badeplasser", "bathing spots"), ("ladestasjoner", "charging stations"),
    ("drosjeløyver", "taxi licences"), ("flomsoner", "flood zones"),
    ("avfallshåndtering", "waste management"), ("støykart", "noise maps"), ("sjøkart", "nautical charts"),
    ("kollektivtrafikk", "public transport"), ("arbeidsledighet", "unemployment"),
    ("befolkningsframskrivinger", "population projections"), ("valgresultater", "election results"),
    ("offentlige anskaffelser", "public procurement"), ("tannhelse", "dental health"),
    ("årsregnskap", "annual accounts"), ("skogbruk", "forestry"), ("reindrift", "reindeer husbandry"),
    ("havbruk", "aquaculture"), ("turstier", "hiking trails"), ("gatelys", "street lights"),
    ("vannledninger", "water mains"), ("brannstasjoner", "fire stations"),
    ("sykehjemsplasser", "nursing home places"), ("kommunale gebyrer", "municipal fees"),
    ("parkeringsplasser", "parking spaces"), ("isdekke på innsjøer", "lake ice cover"),
]
QUALIFIERS = [  # (nb, en)
    ("Oversikt over", "Overview of"), ("Register over", "Register of"), ("Statistikk om", "Statistics on"),
    ("Kart over", "Map of"), ("Årlig rapport om", "Annual report on"), ("Åpne data om", "Open data on"),
    ("Tidsserie for", "Time series of"), ("Sanntidsdata for", "Real-time data on"),
]
KEYWORDS = [
    "åpne data", "statistikk", "kart", "geodata", "miljø", "klima", "samferdsel", "økonomi", "helse",
    "skole", "barnehage", "byggesak", "eiendom", "næring", "fiske", "landbruk", "energi", "vær",
    "friluftsliv", "kulturarv", "befolkning", "sårbarhet", "beredskap", "tilskudd", "innsyn",
    "kommuneøkonomi", "vannforsyning", "avløp", "støy", "luftforurensning", "sykkel", "gående",
    "kollektiv", "sjøtransport", "havnivå", "rovdyr", "hjortevilt", "næringsliv", "forbruk", "tjenester",
]
FIELDS = ["kommunenummer", "gyldig_fra", "gyldig_til", "orgnr", "navn", "adresse", "postnummer",
          "koordinat_øst", "koordinat_nord", "målt_verdi", "enhet", "sist_endret"]
SENTENCES_NB = [
    "Datasettet inneholder {s} for {p} fra {y1} til {y2}.",
    "Dataene oppdateres {f} og publiseres som åpne data.",
    "Koordinatene er oppgitt i EUREF89 UTM sone 33 (EPSG:25833).",
    "Merk at tidsserien har et brudd i {y1} på grunn av kommunesammenslåingen.",
    "Kilde: {o}.",
    "Begrepet «{s}» følger definisjonen i forskriften.",
    'Feltet "{c}" er påkrevd, mens "{d}" kan være tomt.',
    "Tallene for {p} er foreløpige og kan bli endret etter kvalitetssikring.",
    "Ved spørsmål om datasettet, kontakt {o} på e-post.",
    "Dataene er hentet fra fagsystemet og vasket for personopplysninger.",
    "Verdier under 5 er prikket av personvernhensyn.",
    "Se også «{s2}» for nabokommunene.",
]
FREQ_NB = {"ANNUAL": "årlig", "MONTHLY": "månedlig", "DAILY": "daglig", "WEEKLY": "ukentlig",
           "QUARTERLY": "hvert kvartal", "IRREG": "ved behov", "CONT": "fortløpende",
           "UPDATE_CONT": "kontinuerlig"}


def ascii_slug(text: str) -> str:
    """Lower-case ASCII slug: æ->ae, ø->o, å->a, Sámi letters to their base letter."""
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "á": "a", "š": "s", "ŋ": "n", "č": "c",
                           "đ": "d", "ŧ": "t", "ž": "z", "é": "e", "–": "-"})
    s = text.lower().translate(table)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


# --------------------------------------------------------------------------------------------
# The model


class Catalogue:
    """Builds the triples block by block from one seeded random stream."""

    def __init__(self, datasets: int, seed: int):
        self.n = datasets
        self.rng = Random(seed)
        ids = Random(seed ^ 0x5A5A_5A5A)
        self.dataset_ids = [str(uuid.UUID(int=ids.getrandbits(128), version=4)) for _ in range(datasets)]
        self.used_orgnr: set[str] = set()
        # Publisher pool: the national agencies and one organisation per place ("X kommune"),
        # plus numbered bodies for larger catalogues, so about 1 publisher per 60 datasets.
        names = AGENCIES + [f"{p} kommune" for p in PLACES]
        k = 2
        while len(names) < max(8, datasets // 60):
            names.append(f"{PLACES[len(names) % len(PLACES)]} interkommunale selskap {k}")
            k += 1
        self.orgs = [(self._orgnr(), name) for name in names]
        self.org_emitted = [False] * len(self.orgs)

    def _orgnr(self) -> str:
        while True:
            nr = str(self.rng.randrange(800_000_000, 1_000_000_000))
            if nr not in self.used_orgnr:
                self.used_orgnr.add(nr)
                return nr

    def _org_triples(self, i: int) -> list[Triple]:
        nr, name = self.orgs[i]
        o = I(NS["org"] + nr)
        self.org_emitted[i] = True
        return [(o, A, FOAF_ORGANIZATION), (o, P["name"], L(name, "nb")), (o, P["identifier"], L(nr))]

    def _date(self, lo: int, hi: int) -> datetime.date:
        start = datetime.date(lo, 1, 1).toordinal()
        return datetime.date.fromordinal(self.rng.randrange(start, datetime.date(hi, 12, 31).toordinal() + 1))

    def blocks(self) -> Iterator[list[Triple]]:
        yield self.catalogue_block()
        for i in range(self.n):
            yield self.dataset_block(i)

    def catalogue_block(self) -> list[Triple]:
        cat = I("https://data.norge.no/catalogs/" + self.orgs[0][0])
        t: list[Triple] = [
            (cat, A, DCAT_CATALOG),
            (cat, P["title"], L("Nasjonal katalog over datasett fra offentlige virksomheter", "nb")),
            (cat, P["title"], L("National catalogue of datasets from Norwegian public bodies", "en")),
            (cat, P["description"], L("Generert testkatalog i DCAT-AP-NO-stil for ytelsesmålinger av "
                                      "RDF-parsere. Innholdet er oppdiktet.", "nb")),
            (cat, P["publisher"], I(NS["org"] + self.orgs[0][0])),
            (cat, P["homepage"], I("https://data.norge.no/")),
            (cat, P["themeTaxonomy"], I("https://psi.norge.no/los/all.rdf")),
            (cat, P["issued"], L("2017-09-21", None, XSD_DATE)),
        ]
        t += self._org_triples(0)
        t += [(cat, P["dataset"], I(NS["ds"] + d)) for d in self.dataset_ids]
        return t

    def description(self, subj: tuple[str, str], place: str, org: str, freq: str) -> str:
        r = self.rng
        y1 = r.randrange(1990, 2020)
        y2 = r.randrange(y1 + 1, 2025)
        fields = r.sample(FIELDS, 2)
        s2 = r.choice(SUBJECTS)[0]
        count = r.randrange(1, 5)
        parts = [r.choice(SENTENCES_NB).format(s=subj[0], p=place, y1=y1, y2=y2, f=FREQ_NB[freq],
                                               o=org, c=fields[0], d=fields[1], s2=s2)
                 for _ in range(count)]
        text = " ".join(parts)
        x = r.random()
        if x < 0.08:  # a Windows share path: backslashes
            text += f" Rådata ligger på \\\\fil01\\åpne-data\\{ascii_slug(subj[0])}."
        elif x < 0.20:  # a second paragraph: newline
            text += "\n\nEndringslogg: " + r.choice(SENTENCES_NB).format(
                s=subj[0], p=place, y1=y1, y2=y2, f=FREQ_NB[freq], o=org, c=fields[0], d=fields[1], s2=s2)
        elif x < 0.24:  # a tab-separated column list
            text += "\nKolonner:\t" + "\t".join(fields)
        elif x < 0.25:  # a character outside the BMP
            text += " 📊 Se dashbordet."
        return text

    def dataset_block(self, i: int) -> list[Triple]:
        r = self.rng
        ds = I(NS["ds"] + self.dataset_ids[i])
        org_i = r.randrange(len(self.orgs))
        orgnr, org_name = self.orgs[org_i]
        org_slug = ascii_slug(org_name)
        subj = r.choice(SUBJECTS)
        qual = r.choice(QUALIFIERS)
        place = r.choice(PLACES)
        freq = r.choice(FREQUENCIES)
        issued = self._date(2012, 2023)
        modified = datetime.datetime.combine(issued + datetime.timedelta(days=r.randrange(0, 700)),
                                             datetime.time(r.randrange(24), r.randrange(60), r.randrange(60)))
        modified_lex = modified.isoformat() + r.choice(["Z", "+01:00", "+02:00"])
        t: list[Triple] = []
        if not self.org_emitted[org_i]:
            t += self._org_triples(org_i)
        t += [
            (ds, A, DCAT_DATASET_C),
            (ds, P["title"], L(f"{qual[0]} {subj[0]} i {place}", "nb")),
            (ds, P["title"], L(f"{qual[1]} {subj[1]} in {place}", "en")),
            (ds, P["description"], L(self.description(subj, place, org_name, freq), "nb")),
            (ds, P["identifier"], L(ds[1])),
            (ds, P["publisher"], I(NS["org"] + orgnr)),
        ]
        for theme in r.sample(EU_THEMES, r.randrange(1, 3)):
            t.append((ds, P["theme"], I(NS["theme"] + theme)))
        for theme in r.sample(LOS_THEMES, r.randrange(1, 3)):
            t.append((ds, P["theme"], I(NS["los"] + theme)))
        for kw in r.sample(KEYWORDS, r.randrange(2, 7)):
            t.append((ds, P["keyword"], L(kw, "nb")))
        cp = B(f"cp{i}")
        t += [
            (ds, P["contactPoint"], cp),
            (cp, A, VCARD_ORGANIZATION),
            (cp, P["fn"], L(r.choice([f"{org_name}, kundesenter", f"Seksjon for {subj[0]}",
                                      f"Fagansvarlig for {subj[0]} – {org_name}"]))),
            (cp, P["hasEmail"], I(f"mailto:{r.choice(['postmottak', 'data', 'kundeservice'])}@{org_slug}.no")),
        ]
        if r.random() < 0.75:
            t.append((cp, P["hasTelephone"], I(f"tel:+47{r.randrange(20_000_000, 99_999_999)}")))
        t += [
            (ds, P["issued"], L(issued.isoformat(), None, XSD_DATE)),
            (ds, P["modified"], L(modified_lex, None, XSD_DATETIME)),
            (ds, P["accessRights"], I(NS["access"] + r.choice(ACCESS))),
            (ds, P["language"], I(NS["lang"] + r.choice(LANGUAGES))),
            (ds, P["spatial"], I(NS["kommune"] + str(172_700 + PLACES.index(place) * 17))),
            (ds, P["accrualPeriodicity"], I(NS["freq"] + freq)),
        ]
        if r.random() < 0.9:
            t.append((ds, P["landingPage"], I(f"https://www.{org_slug}.no/data/{ascii_slug(subj[0])}")))
        for k in range(r.randrange(1, 4)):
            ftype, media, ext = r.choice(FORMATS)
            dist = I(NS["dist"] + str(uuid.UUID(int=r.getrandbits(128), version=4)))
            base = f"https://data.{org_slug}.no/{ascii_slug(subj[0])}/{ascii_slug(place)}"
            d_issued = issued + datetime.timedelta(days=r.randrange(0, 60))
            t += [
                (ds, P["distribution"], dist),
                (dist, A, DCAT_DISTRIBUTION_C),
                (dist, P["title"], L(f"{FORMAT_NAMES_NB[ftype]} – {subj[0]}", "nb")),
                (dist, P["format"], I(NS["filetype"] + ftype)),
                (dist, P["accessURL"], I(f"{base}/{k + 1}.{ext}" if ftype != "JSON" else f"{base}/api/v{k + 1}")),
                (dist, P["mediaType"], I("https://www.iana.org/assignments/media-types/" + media)),
                (dist, P["license"], I(NS["licence"] + r.choice(LICENCES))),
                (dist, P["issued"], L(d_issued.isoformat(), None, XSD_DATE)),
                (dist, P["byteSize"], L(str(r.randrange(800, 250_000_000)), None, XSD_DECIMAL)),
            ]
            if ftype != "JSON" and r.random() < 0.5:
                t.append((dist, P["downloadURL"], I(f"{base}/{k + 1}.{ext}?download=true")))
            if r.random() < 0.28:
                t.append((dist, P["description"], L(
                    f"{FORMAT_NAMES_NB[ftype]} med {subj[0]} for {place}. Filen er {r.choice(['UTF-8', 'ISO-8859-1'])}"
                    f"-kodet og bruker «;» som skilletegn.", "nb")))
        return t


# --------------------------------------------------------------------------------------------
# Serialisers: each takes the blocks and a write function, and returns the triple count.

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')

# N-Triples / Turtle string escapes (RDF 1.1 canonical N-Triples: \b \t \n \f \r \" \\ and
# \uXXXX for other control characters).
_NT_ESCAPES = {c: f"\\u{c:04X}" for c in list(range(0x20)) + [0x7F]}
_NT_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                    0x22: '\\"', 0x5C: "\\\\"})


def nt_iri(iri: str) -> str:
    if _IRI_FORBIDDEN.search(iri):
        raise ValueError(f"generator produced an IRI that needs escaping: {iri!r}")
    return f"<{iri}>"


def nt_literal(lex: str, lang: str | None, dt: str | None) -> str:
    s = '"' + lex.translate(_NT_ESCAPES) + '"'
    if lang:
        return s + "@" + lang
    if dt:
        return s + "^^" + nt_iri(dt)
    return s


def write_ntriples(blocks: Iterable[list[Triple]], write: Callable[[str], None]) -> int:
    cache: dict[str, str] = {}

    def term(t: Term) -> str:
        kind = t[0]
        if kind == "i":
            s = cache.get(t[1])
            if s is None:
                s = cache[t[1]] = nt_iri(t[1])
            return s
        if kind == "b":
            return "_:" + t[1]
        return nt_literal(t[1], t[2], t[3])

    count = 0
    for block in blocks:
        write("".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in block))
        count += len(block)
    return count


def group_block(block: list[Triple]) -> tuple[list[tuple[Term, list[tuple[Term, list[Term]]]]], dict]:
    """Group a block by subject (first-seen order), then by predicate, and find the blank
    nodes that can be written nested: used exactly once as an object, and have properties."""
    subjects: dict[Term, dict[Term, list[Term]]] = {}
    object_uses: dict[Term, int] = {}
    for s, p, o in block:
        subjects.setdefault(s, {}).setdefault(p, []).append(o)
        if o[0] == "b":
            object_uses[o] = object_uses.get(o, 0) + 1
    nested = {b: subjects[b] for b, n in object_uses.items() if n == 1 and b in subjects}
    top = [(s, list(props.items())) for s, props in subjects.items() if s not in nested]
    return top, {b: list(props.items()) for b, props in nested.items()}


_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_\-]*[A-Za-z0-9_\-])?\Z")


def write_turtle(blocks: Iterable[list[Triple]], write: Callable[[str], None]) -> int:
    prefixes = sorted(NS.items(), key=lambda kv: -len(kv[1]))  # longest namespace first
    cache: dict[str, str] = {}

    def iri(v: str) -> str:
        s = cache.get(v)
        if s is None:
            s = nt_iri(v)
            if v == RDF + "type":
                s = "a"
            else:
                for prefix, ns in prefixes:
                    if v.startswith(ns) and _PN_LOCAL.match(v, len(ns)):
                        s = f"{prefix}:{v[len(ns):]}"
                        break
            cache[v] = s
        return s

    def literal(lex: str, lang: str | None, dt: str | None) -> str:
        if "\n" in lex:  # long string: raw newlines, escape the rest
            body = lex.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r")
            s = f'"""{body}"""'
        else:
            s = '"' + lex.translate(_NT_ESCAPES) + '"'
        if lang:
            return s + "@" + lang
        if dt:
            return s + "^^" + iri(dt)
        return s

    def term(t: Term, nested: dict, indent: str) -> str:
        if t[0] == "i":
            return iri(t[1])
        if t[0] == "b":
            if t in nested:
                return "[\n" + properties(nested[t], nested, indent + "    ") + f"\n{indent}]"
            return "_:" + t[1]
        return literal(t[1], t[2], t[3])

    def properties(props, nested, indent: str) -> str:
        lines = []
        for p, objs in props:
            # Short object lists on one line, long ones (the catalogue's dcat:dataset) one per line.
            sep = ", " if len(objs) <= 8 else f",\n{indent}    "
            lines.append(f"{indent}{iri(p[1])} " + sep.join(term(o, nested, indent) for o in objs))
        return " ;\n".join(lines)

    for prefix, ns in NS.items():
        write(f"@prefix {prefix}: <{ns}> .\n")
    count = 0
    for block in blocks:
        top, nested = group_block(block)
        out = []
        for s, props in top:
            out.append(f"\n{term(s, {}, '')}\n" + properties(props, nested, "    ") + " .\n")
        write("".join(out))
        count += len(block)
    return count


# RDF/XML: the namespaces are internal DTD entities (`<!ENTITY dcat "…">`), and every IRI in an
# attribute (rdf:about, rdf:resource, rdf:datatype, xmlns:*) that starts with one of them is
# written with the entity reference (`rdf:about="&ds;…"`, `rdf:datatype="&xsd;date"`).  The IANA
# media types get an entity too; it is not a Turtle prefix, so the other formats keep their bytes.
RDFXML_ENTITIES = dict(NS, iana="https://www.iana.org/assignments/media-types/")
RDFXML_XMLNS = ["rdf", "dcat", "dct", "foaf", "vcard"]  # the vocabularies used as XML names
RDFXML_STYLE_SALT = 0x5244_4658  # "RDFX": the layout stream is separate from the model's


def write_rdfxml(blocks: Iterable[list[Triple]], write: Callable[[str], None],
                 style_seed: int = DEFAULT_SEED) -> int:
    """Striped RDF/XML that uses the grammar the way agency exports do.

    Layout only, never the graph: the choices below come from their own Random(style_seed ^
    salt), so the model's random stream (and so the N-Triples and Turtle output) is untouched,
    and each block checks that it wrote exactly its triples.

    - Typed node elements (`<dcat:Dataset rdf:about="&ds;…">`), nested: each distribution (an
      IRI) inside its `dcat:distribution`, the publisher (an IRI) inside `dct:publisher` the
      first time it is used, the contact point (a blank node) inside `dcat:contactPoint` as a
      typed `<vcard:Organization vcard:fn="…">` (~45 %), as `rdf:parseType="Resource"` with an
      `rdf:type` property element (~45 %), or as `rdf:nodeID` with the node at top level
      after the dataset (~10 %).
    - Half of the datasets set `xml:lang="nb"` on the dataset element: the nb titles,
      description, keywords and the nested distributions' titles inherit it, `dct:title` @en
      overrides it, and the plain literals inside reset it with `xml:lang=""` (`dct:identifier`,
      the contact point's `vcard:fn`, the publisher's `dct:identifier`).  The other half write
      `xml:lang` on each literal, and the plain literals as property attributes
      (`dct:identifier="&ds;…"` on the dataset, `vcard:fn`, the publisher's `dct:identifier`).
      Property attributes are used only where no language is in scope: rapper 2.0.15 ignores
      xml:lang on property attributes, where the grammar (and Jena, Oxigraph) apply it.
    - `rdf:datatype="&xsd;date"` etc. on every typed literal; a dataset's `dct:identifier`
      written as an element holds the entity in its text (`&ds;<uuid>`).
    """
    style = Random(style_seed ^ RDFXML_STYLE_SALT)
    for name, ns in RDFXML_ENTITIES.items():
        if re.search(r'[%&"<>]', ns):
            raise ValueError(f"namespace cannot be an entity value: {ns!r}")
    by_length = sorted(RDFXML_ENTITIES.items(), key=lambda kv: -len(kv[1]))
    ncname = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*\Z")
    qname_cache: dict[str, str | None] = {}
    head_cache: dict[str, tuple[str, int] | None] = {}
    IDENTIFIER, FN = P["identifier"], P["fn"]

    def qname(v: str) -> str | None:
        if v not in qname_cache:
            q = None
            for prefix in RDFXML_XMLNS:
                ns = NS[prefix]
                if v.startswith(ns) and ncname.match(v, len(ns)):
                    q = f"{prefix}:{v[len(ns):]}"
                    break
            qname_cache[v] = q
        return qname_cache[v]

    def text(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")

    def attr(s: str) -> str:
        return (s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
                .replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;"))

    def entity_split(v: str) -> tuple[str, int] | None:
        """(entity name, namespace length) of the longest entity namespace v starts with."""
        head = v[:max(v.rfind("/"), v.rfind("#")) + 1]
        if head not in head_cache:
            head_cache[head] = next(((name, len(ns)) for name, ns in by_length if head.startswith(ns)), None)
        return head_cache[head]

    def ref(v: str) -> str:  # an IRI as an attribute value
        e = entity_split(v)
        return attr(v) if e is None or e[1] == len(v) else f"&{e[0]};" + attr(v[e[1]:])

    def ref_text(v: str) -> str:  # a string that is an IRI, as element content
        e = entity_split(v)
        return text(v) if e is None or e[1] == len(v) else f"&{e[0]};" + text(v[e[1]:])

    def pq_of(p: Term) -> str:
        q = qname(p[1])
        if q is None:
            raise ValueError(f"predicate without a QName: {p[1]}")
        return q

    def block_out(block: list[Triple], layout: dict) -> str:
        subjects: dict[Term, dict[Term, list[Term]]] = {}
        uses: dict[Term, int] = {}
        for s, p, o in block:
            subjects.setdefault(s, {}).setdefault(p, []).append(o)
            if o[0] != "l":
                uses[o] = uses.get(o, 0) + 1
        # A subject of this block that is the object of exactly one of its triples is written
        # inside that property element (IRIs with rdf:about, blank nodes without a label).
        nested = {s for s in subjects if uses.get(s, 0) == 1}
        deferred: list[Term] = []  # blank nodes written with rdf:nodeID, after their referrer
        out: list[str] = []

        def node(dest: list[str], s: Term, indent: str, scope: str | None, lang: str | None = None,
                 prop_attrs: tuple[Term, ...] = (), labelled: bool = False) -> int:
            """Write s as a node element to dest; returns the number of triples written."""
            props = {p: list(objs) for p, objs in subjects[s].items()}
            written = 0
            tag = "rdf:Description"
            types = props.get(A, [])
            for k, o in enumerate(types):
                if o[0] == "i" and qname(o[1]):
                    tag = qname(o[1])
                    del types[k]
                    written += 1
                    break
            if s[0] == "i":
                head = f'<{tag} rdf:about="{ref(s[1])}"'
            elif labelled:
                head = f'<{tag} rdf:nodeID="{s[1]}"'
            else:
                head = f"<{tag}"
            if lang is not None:
                head += f' xml:lang="{lang}"'
                scope = lang or None
            for p in prop_attrs:
                objs = props.get(p, [])
                if len(objs) == 1 and objs[0][0] == "l" and objs[0][2] is None and objs[0][3] is None \
                        and scope is None:
                    head += f' {pq_of(p)}="{ref(objs[0][1]) if p == IDENTIFIER else attr(objs[0][1])}"'
                    del objs[0]
                    written += 1
            body: list[str] = []
            written += properties(props, indent + "  ", scope, body)
            if body:
                dest.append(f"{indent}{head}>\n")
                dest.extend(body)
                dest.append(f"{indent}</{tag}>\n")
            else:
                dest.append(f"{indent}{head}/>\n")
            return written

        def properties(props: dict[Term, list[Term]], indent: str, scope: str | None, body: list[str]) -> int:
            written = 0
            for p, objs in props.items():
                pq = pq_of(p)
                for o in objs:
                    written += 1
                    if o[0] == "l":
                        _, lex, lang, dt = o
                        if dt:
                            a = f' rdf:datatype="{ref(dt)}"'
                        elif lang == scope:
                            a = ""
                        else:
                            a = f' xml:lang="{lang or ""}"'
                        content = ref_text(lex) if p == IDENTIFIER else text(lex)
                        body.append(f"{indent}<{pq}{a}>{content}</{pq}>\n")
                    elif o not in nested:
                        what = f'rdf:resource="{ref(o[1])}"' if o[0] == "i" else f'rdf:nodeID="{o[1]}"'
                        body.append(f"{indent}<{pq} {what}/>\n")
                    elif o[0] == "b" and layout["contact"] == "nodeID":
                        body.append(f'{indent}<{pq} rdf:nodeID="{o[1]}"/>\n')
                        deferred.append(o)
                    elif o[0] == "b" and layout["contact"] == "parseType":
                        reset_here = scope is not None and layout["reset_on_property"]
                        reset = ' xml:lang=""' if reset_here else ""
                        body.append(f'{indent}<{pq} rdf:parseType="Resource"{reset}>\n')
                        written += properties({q: list(v) for q, v in subjects[o].items()}, indent + "  ",
                                              None if reset_here else scope, body)
                        body.append(f"{indent}</{pq}>\n")
                    else:
                        body.append(f"{indent}<{pq}>\n")
                        if o[0] == "b":  # the contact point, typed, vcard:fn as an attribute
                            written += node(body, o, indent + "  ", scope, "" if scope else None, (FN,))
                        else:  # publisher or distribution
                            written += node(body, o, indent + "  ", scope, None, (IDENTIFIER,))
                        body.append(f"{indent}</{pq}>\n")
            return written

        written = 0
        for s in subjects:
            if s in nested:
                continue
            kind = subjects[s].get(A, [None])[0]
            if kind == DCAT_DATASET_C:
                nb = layout["nb_scope"]
                written += node(out, s, "  ", None, "nb" if nb else None, () if nb else (IDENTIFIER,))
            elif kind == DCAT_CATALOG:
                written += node(out, s, "  ", None, "nb")
            else:
                written += node(out, s, "  ", None, None, (IDENTIFIER,))
            while deferred:
                written += node(out, deferred.pop(0), "  ", None, None, (FN,), labelled=True)
        if written != len(block):
            raise AssertionError(f"RDF/XML block wrote {written} triples, the block has {len(block)}")
        return "".join(out)

    write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rdf:RDF [\n')
    for name, ns in RDFXML_ENTITIES.items():
        write(f'  <!ENTITY {name} "{ns}">\n')
    write("]>\n<rdf:RDF")
    for prefix in RDFXML_XMLNS:
        write(f'\n    xmlns:{prefix}="&{prefix};"')
    write(">\n")
    count = 0
    for block in blocks:
        layout = {
            "nb_scope": style.random() < 0.5,
            "contact": style.choices(["typed", "parseType", "nodeID"], weights=[45, 45, 10])[0],
            "reset_on_property": style.random() < 0.5,  # parseType: xml:lang="" on it, or on vcard:fn
        }
        write(block_out(block, layout))
        count += len(block)
    write("</rdf:RDF>\n")
    return count


SERIALISERS = {"ntriples": write_ntriples, "turtle": write_turtle, "rdfxml": write_rdfxml}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", type=int, default=20_000, help="number of dcat:Dataset (default 20000)")
    ap.add_argument("--format", choices=sorted(SERIALISERS), default="ntriples")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    ap.add_argument("-o", "--output", default="-", help="output file, - for stdout (default)")
    args = ap.parse_args(argv)
    if args.datasets < 1:
        ap.error("--datasets must be at least 1")

    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    pending: list[str] = []
    size = 0

    def write(s: str) -> None:
        nonlocal size
        pending.append(s)
        size += len(s)
        if size >= 1 << 20:
            flush()

    def flush() -> None:
        nonlocal size
        out.write("".join(pending).encode("utf-8"))
        pending.clear()
        size = 0

    try:
        blocks = Catalogue(args.datasets, args.seed).blocks()
        if args.format == "rdfxml":  # the layout choices have their own stream, from the same seed
            count = write_rdfxml(blocks, write, style_seed=args.seed)
        else:
            count = SERIALISERS[args.format](blocks, write)
        flush()
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        else:
            out.flush()
    print(f"generate-catalog: {args.datasets} datasets, {count} triples, {args.format}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
