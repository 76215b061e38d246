#!/usr/bin/env python3
# make-seed.py — writes src/store/sql/seed.sql from data/reference/agreements.json
# and data/reference/calls.json, and src/store/sql/criteria.sql from
# data/reference/criteria.json
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The seed is SQL that the store runs once, when it creates a database, after
# the migrations. It is generated here (python3, standard library only) and
# committed, so the program needs no JSON parser at run time; the store
# bundles the file in its GResource.
#
#   build-aux/make-seed.py                     rewrite src/store/sql/seed.sql and criteria.sql
#   build-aux/make-seed.py --check             exit 1 if either file is out of date
#   build-aux/make-seed.py --json J --calls C --output O (paths of your own)
#   build-aux/make-seed.py --criteria J --criteria-output O (likewise)
#
# Everything here is our own reference data, not user input, so writing it
# as SQL literals is safe; user data only ever reaches SQLite through bound
# parameters.

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# docs/domain.md §5: the only intermediary body whose Y-tunnus we know.
KNOWN_BUSINESS_IDS = {
    "Pirkanmaan liitto": "0828308-4",
}

# The three national themes of the InnoCities programme, in this order
# (ids 1, 2, 3).
THEME_SUSTAINABLE = 1
THEME_DIGITAL = 2
THEME_HEALTH = 3

# Which national theme a focus area serves. The reference data does not say;
# this is our reading of the focus area's name, one rule per focus area
# (first match wins, None for "no single theme"). A focus area that matches
# no rule stops the script, so a new one in the JSON gets a conscious choice.
THEME_RULES = [
    ("Älykkäät ja kestävät kaupunkiratkaisut", THEME_SUSTAINABLE),
    ("Hyvinvointi ja terveysteknologia", THEME_HEALTH),
    ("Uudet oppimisympäristöt", THEME_DIGITAL),
    ("Uudet avaukset ja yleinen ekosysteemien kehittäminen", None),
    ("Sustainable Industry X", THEME_SUSTAINABLE),
    ("Rakennukset, energia ja infra", THEME_SUSTAINABLE),
    ("Digitaaliset terveysratkaisut", THEME_HEALTH),
    ("Uudistuva teollisuus", THEME_SUSTAINABLE),
    ("Life science", THEME_HEALTH),
    ("Digitalisaatio kaupunkiympäristön muutoksessa", THEME_DIGITAL),
    ("OuluHealth", THEME_HEALTH),
    ("Kestävä kiertotalous ja puhtaat ratkaisut", THEME_SUSTAINABLE),
    ("Liikunnan, terveyden edistämisen ja hyvinvoinnin", THEME_HEALTH),
    ("Uudistuvan teollisuuden ekosysteemi", THEME_SUSTAINABLE),
    ("Hiilineutraali kiertotalous", THEME_SUSTAINABLE),
    ("Urheiluliiketoiminta", THEME_HEALTH),
    ("Vihreä sähköistäminen", THEME_SUSTAINABLE),
    ("Terveys- ja hyvinvointiteknologia", THEME_HEALTH),
    ("Vesiosaaminen", THEME_SUSTAINABLE),
    ("Bio- ja kiertotalous", THEME_SUSTAINABLE),
    ("Fotoniikka", THEME_DIGITAL),
    ("Teknologiametallit ja kiertotalous", THEME_SUSTAINABLE),
    ("Automaatio ja robotiikka", THEME_DIGITAL),
    ("GigaVaasa", THEME_SUSTAINABLE),
    ("EnergySampo", THEME_SUSTAINABLE),
    ("Hiilineutraali Vaasa", THEME_SUSTAINABLE),
    ("Satama-alueen kehittäminen", THEME_SUSTAINABLE),
    ("Tutkimusinfrastruktuurin kehittäminen", None),
    ("Ruokaekosysteemin kestävä uudistuminen", THEME_SUSTAINABLE),
    ("Älykkäästi uudistuva teollisuus", THEME_SUSTAINABLE),
    ("Yhdyskuntavesien kiertotalous", THEME_SUSTAINABLE),
    ("Akkukemia", THEME_SUSTAINABLE),
    ("Kiertotalous ja teollisuutta tukevat älykkäät ratkaisut", THEME_SUSTAINABLE),
    ("Mittaustekniikka ja mittaukset", THEME_DIGITAL),
    ("Suurteholaskenta, tekoäly ja datakeskukset", THEME_DIGITAL),
    ("Arktinen matkailu", None),
    ("Tulevaisuuden hyvinvointipalvelut", THEME_HEALTH),
]

# ERDF common indicators (Regulation 2021/1058 Annex I), as listed in
# docs/domain.md §4. The agreements JSON does not carry them.
INDICATORS = [
    ("RCO01", "Enterprises supported (of which: micro, small, medium, large)"),
    ("RCO02", "Enterprises supported by grants"),
    ("RCO03", "Enterprises supported by financial instruments"),
    ("RCO04", "Enterprises with non-financial support"),
    ("RCO05", "New enterprises supported"),
    ("RCO06", "Researchers working in supported research facilities"),
    ("RCO07", "Research organisations participating in joint research projects"),
    ("RCO08", "Nominal value of research and innovation equipment"),
    ("RCO10", "Enterprises cooperating with research organisations"),
    ("RCO13", "Value of digital services, products and processes developed for enterprises"),
    ("RCO14", "Public institutions supported to develop digital services, products and processes"),
    ("RCO15", "Capacity of incubation created"),
    ("RCO74", "Population covered by projects in integrated territorial development strategies"),
    ("RCO75", "Integrated territorial development strategies supported"),
    ("RCR01", "Jobs created in supported entities"),
    ("RCR02", "Private investments matching public support"),
    ("RCR03", "SMEs introducing product or process innovation"),
    ("RCR04", "SMEs introducing marketing or organisational innovation"),
    ("RCR05", "SMEs innovating in-house"),
    ("RCR06", "Patent applications submitted"),
    ("RCR08", "Publications from supported projects"),
    ("RCR11", "Users of new and upgraded public digital services, products and processes"),
    ("RCR13", "Enterprises reaching high digital intensity"),
    ("RCR17", "New enterprises surviving in the market"),
    ("RCR19", "Enterprises with higher turnover"),
    ("RCR102", "Research jobs created in supported entities"),
]

PROGRAMME_NAME = "Uudistuva ja osaava Suomi 2021–2027"
AGREEMENT_END = "2027-12-31"

# The default call of every agreement (docs/domain.md §2): EU and state
# support at most 60 %, no city share of its own (the city's 25 % holds for
# the agreement's projects together), the 40 % flat rate (bit 0 =
# HS_COST_MODEL_FLAT40), no duration rule, no known budget.
DEFAULT_CALL = {
    "max_support_bp": 6000,
    "min_city_bp": 0,
    "min_own_bp": 0,
    "max_duration_months": 0,
    "allowed_cost_models": 1 << 0,
    "money_available": 0,
}


def sql_text(value):
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def sql_int(value):
    if value is None:
        return "NULL"
    return str(int(value))


def theme_of(name):
    for prefix, theme in THEME_RULES:
        if name.startswith(prefix):
            return theme
    sys.exit(f"make-seed.py: no national theme rule for focus area “{name}”; add one to THEME_RULES")


# The cost models' bits (HsCostModel in src/core/hs-enums.h).
COST_MODEL_BITS = {"flat-40": 0, "real": 1, "flat-24-2014": 2, "flat-15-2014": 3,
                   "indirect-7": 4, "indirect-15": 5}
INSTRUMENTS = ("eakr", "akke", "national")


def reference_call_rows(calls_data, region_ids, first_id):
    """The rows of the reference calls: only what each call's source says,
    0 or NULL for the rest (the call sets no such rule)."""
    rows = []
    names = set()
    for i, c in enumerate(calls_data["calls"]):
        where = f"make-seed.py: call “{c.get('name')}”"
        if not c.get("sources"):
            sys.exit(f"{where} has no source")
        if c.get("agreement") not in region_ids:
            sys.exit(f"{where}: no agreement “{c.get('agreement')}”")
        if (c["agreement"], c["name"]) in names:
            sys.exit(f"{where} is listed twice")
        names.add((c["agreement"], c["name"]))
        instrument = c.get("instrument", "eakr")
        if instrument not in INSTRUMENTS:
            sys.exit(f"{where}: unknown instrument “{instrument}”")
        models = 0
        for m in c.get("cost_models", []):
            models |= 1 << COST_MODEL_BITS[m]
        min_city = c.get("min_city_bp", 0)
        max_city = c.get("max_city_bp", 0)
        if max_city != 0 and max_city < min_city:
            sys.exit(f"{where}: max_city_bp below min_city_bp")
        if c.get("open_date") and c.get("close_date") and c["open_date"] > c["close_date"]:
            sys.exit(f"{where}: closes before it opens")
        rows.append(f"  ({first_id + i}, {region_ids[c['agreement']]}, {sql_text(c['name'])},"
                    f" {sql_text(c.get('name_sv'))}, {sql_text(c.get('name_en'))}, {sql_text(c.get('intermediary'))},"
                    f" {sql_text(instrument)}, {sql_text(c.get('open_date'))}, {sql_text(c.get('close_date'))},"
                    f" {sql_int(c['max_support_bp'])}, {sql_int(c.get('max_support_cents', 0))},"
                    f" {sql_int(min_city)}, {sql_int(max_city)}, {sql_int(c.get('min_own_bp', 0))},"
                    f" {sql_int(c.get('max_duration_months', 0))}, {sql_int(c.get('max_projects', 0))}, {models},"
                    f" {sql_int(c.get('money_available_cents', 0))}, {sql_int(c.get('city_money_available_cents', 0))},"
                    f"\n   {sql_text(c.get('description'))})")
    return rows


def generate(data, json_name, calls_data=None, calls_name=None):
    out = []
    emit = out.append
    emit("-- seed.sql — reference data of a new Hankesalkku database")
    emit("--")
    sources = json_name if calls_data is None else f"{json_name}\n-- and {calls_name}"
    emit(f"-- GENERATED by build-aux/make-seed.py from {sources}; do not edit.")
    emit("-- Run once, in the transaction that creates the database, after the")
    emit("-- migrations. Amounts are euro cents, rates basis points.")
    emit("")

    rates = data["cofinancing_rates"]["programme_level"]
    more = rates["helsinki_uusimaa_more_developed"]["eu_percent_of_public"]
    transition = rates["other_regions_transition_incl_northern_sparsely_populated"]["eu_percent_of_public"]
    emit("INSERT INTO programme (id, name, first_year, last_year, eligible_from, eligible_until,")
    emit("                       public_total, eu_total, national_total) VALUES")
    emit(f"  (1, {sql_text(PROGRAMME_NAME)}, 2021, 2027, '2021-01-01', '2029-12-31',")
    emit(f"   {sql_int(rates['programme_public_total_cents'])}, {sql_int(rates['programme_eu_cents'])},"
         f" {sql_int(rates['programme_national_cents'])});")
    emit("")
    emit("INSERT INTO cofinancing_category (id, programme_id, name, eu_share_bp) VALUES")
    emit(f"  ('more-developed', 1, 'Helsinki-Uusimaa', {more * 100}),")
    emit(f"  ('transition', 1, 'Muu Manner-Suomi', {transition * 100});")
    emit("")

    emit("INSERT INTO national_theme (id, name) VALUES")
    themes = data["national_themes"]
    if len(themes) != 3:
        sys.exit("make-seed.py: expected the 3 national themes")
    emit(",\n".join(f"  ({i + 1}, {sql_text(t)})" for i, t in enumerate(themes)) + ";")
    emit("")

    emit("INSERT INTO indicator (code, kind, name) VALUES")
    emit(",\n".join(f"  ({sql_text(code)}, {sql_text('output' if code.startswith('RCO') else 'result')}, {sql_text(name)})"
                    for code, name in INDICATORS) + ";")
    emit("")

    agreements = data["agreements"]
    if len(agreements) != 16:
        sys.exit(f"make-seed.py: expected 16 agreements, found {len(agreements)}")

    # The intermediary bodies are organisations (regional councils).
    councils = []
    for a in agreements:
        if a["intermediary_body"] not in councils:
            councils.append(a["intermediary_body"])
    emit("-- The intermediary bodies, as organisations of type regional-council.")
    emit("INSERT INTO organisation (id, name, business_id, type, municipality, is_foreign) VALUES")
    emit(",\n".join(f"  ({i + 1}, {sql_text(name)}, {sql_text(KNOWN_BUSINESS_IDS.get(name))}, 'regional-council', NULL, 0)"
                    for i, name in enumerate(councils)) + ";")
    emit("")

    emit("INSERT INTO agreement (id, programme_id, region_name, intermediary_id, intermediary_confirmed,")
    emit("                       signed_date, end_date, programme_area, cofinancing_category,")
    emit("                       indicative_per_year, indicative_erdf_only) VALUES")
    rows = []
    for i, a in enumerate(agreements):
        confirmed = 1 if a.get("intermediary_confidence", "").startswith("confirmed") else 0
        category = "more-developed" if a.get("nuts2_category", "").startswith("more developed") else "transition"
        per_year = a.get("indicative_eakr_and_state_per_year_cents", a.get("indicative_eakr_per_year_cents", 0))
        erdf_only = 1 if "indicative_eakr_and_state_per_year_cents" not in a and "indicative_eakr_per_year_cents" in a else 0
        rows.append(f"  ({i + 1}, 1, {sql_text(a['region_name'])}, {councils.index(a['intermediary_body']) + 1},"
                    f" {confirmed}, {sql_text(a['signed_date'])}, {sql_text(AGREEMENT_END)},"
                    f" {sql_text(a.get('programme_area'))}, {sql_text(category)}, {sql_int(per_year)}, {erdf_only})")
    emit(",\n".join(rows) + ";")
    emit("")

    emit("INSERT INTO agreement_city (agreement_id, position, name) VALUES")
    rows = []
    for i, a in enumerate(agreements):
        for j, city in enumerate(a["cities"]):
            rows.append(f"  ({i + 1}, {j}, {sql_text(city)})")
    emit(",\n".join(rows) + ";")
    emit("")

    emit("-- Focus areas for the whole agreement period (first_year = last_year = 0).")
    emit("-- Vaasa's focus areas are not known; its call packages stand in for them.")
    emit("INSERT INTO focus_area (id, agreement_id, name, first_year, last_year, national_theme_id) VALUES")
    rows = []
    fid = 0
    for i, a in enumerate(agreements):
        names = a.get("focus_areas") or a.get("action_packages") or []
        if not names:
            sys.exit(f"make-seed.py: agreement “{a['region_name']}” has no focus areas")
        for name in names:
            fid += 1
            rows.append(f"  ({fid}, {i + 1}, {sql_text(name)}, 0, 0, {sql_int(theme_of(name))})")
    emit(",\n".join(rows) + ";")
    emit("")

    emit("-- One default call per agreement, so that every project has a call to point at.")
    emit("-- It sets no city share: the city's 25 % is the agreement's rule, not a project's.")
    emit("INSERT INTO call (id, agreement_id, name, open_date, close_date, max_support_bp, min_city_bp,")
    emit("                  min_own_bp, max_duration_months, allowed_cost_models, money_available) VALUES")
    c = DEFAULT_CALL
    rows = []
    for i, a in enumerate(agreements):
        rows.append(f"  ({i + 1}, {i + 1}, {sql_text(a['region_name'] + ' — default call')}, NULL, NULL,"
                    f" {c['max_support_bp']}, {c['min_city_bp']}, {c['min_own_bp']}, {c['max_duration_months']},"
                    f" {c['allowed_cost_models']}, {c['money_available']})")
    emit(",\n".join(rows) + ";")

    if calls_data is not None and calls_data.get("calls"):
        region_ids = {a["region_name"]: i + 1 for i, a in enumerate(agreements)}
        emit("")
        emit("-- Calls of the agreements as their public sources state them (data/reference/calls.md);")
        emit("-- 0 and NULL where a source says nothing. Only a new database gets them.")
        emit("INSERT INTO call (id, agreement_id, name, name_sv, name_en, intermediary, instrument,")
        emit("                  open_date, close_date, max_support_bp, max_support, min_city_bp, max_city_bp,")
        emit("                  min_own_bp, max_duration_months, max_projects, allowed_cost_models,")
        emit("                  money_available, city_money_available, description) VALUES")
        emit(",\n".join(reference_call_rows(calls_data, region_ids, len(agreements) + 1)) + ";")
    return "\n".join(out) + "\n"


# The kinds of a criterion (the criterion table's CHECK). Refining criteria
# belong to a call, so the programme-level reference data has none.
CRITERION_KINDS = ("general", "content", "horizontal")
# The specific objectives a content criterion may name (docs/domain.md §4).
CRITERION_OBJECTIVES = ("1.1", "1.2", "1.3", "2.1", "2.3")
CRITERION_FIELDS = ("key", "kind", "objective", "name_fi", "name_sv", "name_en",
                    "weight", "minimum", "per_implementer", "source")


def criterion_rows(criteria):
    """One INSERT per criterion, checked first; position is its index."""
    rows = []
    keys = set()
    for i, c in enumerate(criteria):
        where = f"make-seed.py: criterion {i} “{c.get('key')}”"
        missing = [f for f in CRITERION_FIELDS if f not in c]
        if missing:
            sys.exit(f"{where} lacks {', '.join(missing)}")
        key = c["key"]
        if not isinstance(key, str) or not key or not key.isascii() or key != key.strip():
            sys.exit(f"{where}: the key must be non-empty ASCII")
        if key in keys:
            sys.exit(f"{where} is listed twice")
        keys.add(key)
        if c["kind"] not in CRITERION_KINDS:
            sys.exit(f"{where}: unknown kind “{c['kind']}”")
        if c["kind"] == "content":
            if c["objective"] not in CRITERION_OBJECTIVES:
                sys.exit(f"{where}: a content criterion needs a specific objective")
        elif c["objective"] is not None:
            sys.exit(f"{where}: only a content criterion has a specific objective")
        for name in ("name_fi", "name_sv", "name_en"):
            if not isinstance(c[name], str) or not c[name].strip():
                sys.exit(f"{where} has no {name}")
        if not c["source"]:
            sys.exit(f"{where} has no source")
        if not isinstance(c["weight"], int) or isinstance(c["weight"], bool) or c["weight"] < 0:
            sys.exit(f"{where}: the weight must be a whole number of 0 or more")
        minimum = c["minimum"]
        if minimum is not None and (not isinstance(minimum, int) or isinstance(minimum, bool)):
            sys.exit(f"{where}: the minimum must be null or a whole number")
        if not isinstance(c["per_implementer"], bool):
            sys.exit(f"{where}: per_implementer must be true or false")
        rows.append("INSERT INTO criterion (call_id, key, kind, objective, name_fi, name_sv, name_en,"
                    " weight, minimum, per_implementer, position) VALUES\n"
                    f"  (NULL, {sql_text(key)}, {sql_text(c['kind'])}, {sql_text(c['objective'])},"
                    f"\n   {sql_text(c['name_fi'])},"
                    f"\n   {sql_text(c['name_sv'])},"
                    f"\n   {sql_text(c['name_en'])},"
                    f"\n   {sql_int(c['weight'])}, {sql_int(minimum)}, {1 if c['per_implementer'] else 0}, {i});")
    return rows


def generate_criteria(criteria, json_name):
    if isinstance(criteria, dict):
        criteria = criteria.get("criteria", [])
    if not criteria:
        sys.exit(f"make-seed.py: {json_name} lists no criteria")
    out = []
    emit = out.append
    emit("-- criteria.sql — the programme's selection criteria in a new Hankesalkku database")
    emit("--")
    emit(f"-- GENERATED by build-aux/make-seed.py from {json_name}; do not edit.")
    emit("-- Meant to run once, after seed.sql, when a database is created. Every row is a")
    emit("-- programme-level criterion (call_id NULL): general ones pass or fail, content")
    emit("-- ones are scored 0–5 and horizontal ones 0–3; position is the order in the JSON file.")
    emit("-- data/reference/criteria.md gives the sources and which names are our wording.")
    emit("")
    emit("\n\n".join(criterion_rows(criteria)))
    return "\n".join(out) + "\n"


def check_or_write(path, text, check):
    """Returns 0 when the file is (now) up to date, 1 when --check finds it stale."""
    if check:
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{path} is out of date: run build-aux/make-seed.py", file=sys.stderr)
            return 1
        print(f"{path} is up to date")
        return 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", default=os.path.join(ROOT, "data", "reference", "agreements.json"))
    parser.add_argument("--calls", default=os.path.join(ROOT, "data", "reference", "calls.json"))
    parser.add_argument("--output", default=os.path.join(ROOT, "src", "store", "sql", "seed.sql"))
    parser.add_argument("--criteria", default=os.path.join(ROOT, "data", "reference", "criteria.json"))
    parser.add_argument("--criteria-output", default=os.path.join(ROOT, "src", "store", "sql", "criteria.sql"))
    parser.add_argument("--check", action="store_true",
                        help="compare with the output files instead of writing them")
    args = parser.parse_args()

    with open(args.json, encoding="utf-8") as f:
        data = json.load(f)
    with open(args.calls, encoding="utf-8") as f:
        calls_data = json.load(f)
    text = generate(data, "data/reference/" + os.path.basename(args.json),
                    calls_data, "data/reference/" + os.path.basename(args.calls))
    with open(args.criteria, encoding="utf-8") as f:
        criteria = json.load(f)
    criteria_text = generate_criteria(criteria, "data/reference/" + os.path.basename(args.criteria))

    status = check_or_write(args.output, text, args.check)
    status |= check_or_write(args.criteria_output, criteria_text, args.check)
    return status


if __name__ == "__main__":
    sys.exit(main())
