#!/usr/bin/env python3
"""gen.py: synthetic dossiers (and a job file each) for the benchmark suite.

    tests/bench/gen.py -o DIR                      # every standard dataset
    tests/bench/gen.py -o DIR n2000-m40            # only these
    tests/bench/gen.py -o DIR --name x -n 500 -m 60 -d 25 --seed 3   # a custom one

Writes DIR/NAME.cfg (the dossier, libconfig, our format) and DIR/NAME-job.cfg
(the full pack of config/examples/dushanbe-2025/briefing.cfg with `data`
pointing at the dossier).  Python standard library only; deterministic for a
given seed.

The content mirrors the peers' generator (shared/bench/peers/gen/scale.py):
the same random calls in the same order, so with the same N, M, D and seed the
people, delegations, titles, venues, outcomes, notes and attendance are the
ones the floor and the other peers draw.  Differences, all forced by our
format: topics are ids into a topic list, and scale.py's repeated picks
within one event are dropped (a topic may appear once per event); the
durations are longer (0.5, 1.5 or 2.5 h instead of 0.5, 1 or 1.5 h on the
same 1.5 h grid) so that events overlap and the timeline has to use lanes;
the role letters P, D, S become roles principal (P), the default attendee
(●) and secretariat (Sc, since S is the built-in speaker).
"""
import argparse
import os
import random
import sys
from datetime import date, timedelta

FIRST = ["Amir", "Bakhtiyor", "Dilnoza", "Elena", "Farrukh", "Gulnara", "Ilya", "Jamshid",
         "Kamila", "Lola", "Madina", "Nodir", "Olga", "Pavel", "Rustam", "Saida", "Timur",
         "Umida", "Viktor", "Yulia", "Zarina", "Aziz", "Bobur", "Daria", "Erlan", "Gleb",
         "Irina", "Kirill", "Nargiza", "Sergey"]
LAST = ["Abdulloev", "Bekmurodov", "Chernova", "Davletov", "Ermekova", "Gafurov", "Hasanova",
        "Ismoilov", "Juraev", "Kurbanova", "Latipov", "Mirzoeva", "Nazarov", "Orlova",
        "Petrenko", "Qodirov", "Rakhimova", "Safarov", "Tursunova", "Usmonov", "Vasilieva",
        "Yusupov", "Zakirova", "Aminov", "Bobokalonova", "Sharipov", "Tokhirova", "Umarov",
        "Volkova", "Kholov"]
COUNTRIES = ["Aurelia", "Borovia", "Caspiana", "Dravnia", "Elbrasia", "Ferghania", "Gorvia",
             "Hissaria", "Istravia", "Jorvania", "Karakumia", "Lazuria", "Marvia", "Norland",
             "Oxiana", "Pamiria", "Qarshia", "Rovnia", "Samarkia", "Tavria", "Ustria",
             "Varzobia", "Wakhania", "Xandria", "Yagnobia", "Zeravshania"]
TITLES = ["President", "Prime Minister", "Minister of Foreign Affairs", "Minister of Economy",
          "Minister of Energy", "Deputy Minister", "Ambassador", "Adviser", "Head of Protocol",
          "Interpreter", "Press Secretary", "Security Officer"]
TRACKS = [("sv", "State visit", "#1F4E79"),
          ("rca", "Russia–Central Asia summit", "#2E7D32"),
          ("cis", "CIS summit", "#8E3B46")]
KINDS = ["Bilateral talks on", "Plenary session on", "Working lunch on", "Expert round table on",
         "Signing ceremony for", "Press briefing on"]
FORMATS = ["bilateral", "plenary", "working lunch", "round table", "signing", "press"]
SUBJECTS = ["energy security", "transport corridors", "migration", "trade facilitation",
            "water resources", "digital customs", "regional security", "industrial cooperation",
            "finance and settlements", "education and culture", "agriculture", "health"]
VENUES = ["Palace of Nations, Hall A", "Palace of Nations, Hall B", "Kohi Navruz, Main Hall",
          "Friendship Square", "Presidential Residence", "Hotel Conference Centre"]
OUTCOMES = ["Joint statement", "Memorandum of understanding", "Road map to 2030",
            "Intergovernmental agreement", "Action plan", "Press communique"]
DURATIONS = {0.5: 0.5, 1.0: 1.5, 1.5: 2.5}  # scale.py's pick -> ours (overlaps)

# name: (people, events, delegations); the same seed (1) for all, as the peers use
DATASETS = {
    "n200-m40": (200, 40, 20),
    "n2000-m40": (2000, 40, 40),
    "n20000-m40": (20000, 40, 40),
    "n200-m1000": (200, 1000, 20),
}


def slug(s):
    return s.replace(" ", "-")


def build(n, m, d, seed, attend=0.25):
    """The same random calls, in the same order, as scale.py's build()."""
    rng = random.Random(seed)
    dels = [(f"D{i + 1:02d}", f"Republic of {COUNTRIES[i % len(COUNTRIES)]}"
             + (f" {i // len(COUNTRIES) + 1}" if i >= len(COUNTRIES) else "")) for i in range(d)]
    pool = [f"{f} {chr(65 + i)}. {l}" for f in FIRST for i in range(26) for l in LAST]
    if n > len(pool):
        sys.exit(f"at most {len(pool)} people")
    people = []
    for i, name in enumerate(rng.sample(pool, n)):
        dl = dels[i * d // n][0]
        first = not people or people[-1]["delegation"] != dl
        people.append({"id": f"p{i + 1:05d}", "name": name, "delegation": dl, "head": first,
                       "role": TITLES[0] if first else rng.choice(TITLES[1:])})
    days = max(1, (m + 7) // 8)
    start = date(2025, 10, 8)
    events = []
    for j in range(m):
        day = start + timedelta(days=j * days // m)
        h = 8 + (j % 8) * 1.5
        e = h + DURATIONS[rng.choice([0.5, 1.0, 1.5])]
        att = []
        for p in people:
            if rng.random() < attend:
                att.append((p["id"], "principal" if p["role"] == "President" else
                            {"D": None, "S": "secretariat"}[rng.choice("DDDDS")]))
        host = people[rng.randrange(n)]["id"]
        att = [a for a in att if a[0] != host] + [(host, "host")]
        kind = rng.randrange(len(KINDS))  # rng.choice(KINDS) draws exactly this
        subject = rng.choice(SUBJECTS)
        venue = rng.choice(VENUES)
        topics = [slug(rng.choice(SUBJECTS)) for _ in range(rng.randint(3, 6))]
        outcomes = rng.sample(OUTCOMES, rng.randint(1, 3))
        events.append({
            "id": f"E{j + 1}", "title": f"{KINDS[kind]} {subject}", "track": TRACKS[j % 3][0],
            "start": f"{day.isoformat()}T{hm(h)}", "end": f"{day.isoformat()}T{hm(e)}",
            "venue": venue, "format": FORMATS[kind],
            "status": "tentative" if j % 11 == 10 else "confirmed",
            "attendees": att, "topics": list(dict.fromkeys(topics)), "outcomes": outcomes,
            "notes": "Synthetic event; clock time assumed." if j % 7 == 0 else None})
    return {"n": n, "m": m, "d": d, "seed": seed, "start": start, "dels": dels,
            "people": people, "events": events}


def hm(x):
    return f"{int(x):02d}:{int(x * 60) % 60:02d}"


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dossier_text(b):
    n, m, d, seed = b["n"], b["m"], b["d"], b["seed"]
    out = [f"# Synthetic dossier from tests/bench/gen.py: {n} people, {d} delegations,",
           f"# {m} events, seed {seed}.  All names and events are fictitious.", "",
           "version = 1;",
           "title = " + q(f"Synthetic briefing pack: {n} participants, {m} events") + ";",
           'place = "Dushanbe, Tajikistan";', 'timezone = "Asia/Dushanbe";',
           "summary = " + q(f"Scale test for pagination ({d} delegations, seed {seed}).") + ";",
           'sources = ["Generated by tests/bench/gen.py; all names and events are fictitious."];', "",
           "delegations = ("]
    out.append(",\n".join(f"  {{ id = {q(i)}; name = {q(nm)}; }}" for i, nm in b["dels"]))
    out += [");", "", "people = ("]
    out.append(",\n".join(
        f"  {{ id = {q(p['id'])}; name = {q(p['name'])}; role = {q(p['role'])}; "
        f"delegation = {q(p['delegation'])};{' head = true;' if p['head'] else ''} }}"
        for p in b["people"]))
    out += [");", "", "tracks = ("]
    out.append(",\n".join(f"  {{ id = {q(i)}; name = {q(nm)}; color = {q(c)}; }}" for i, nm, c in TRACKS))
    out += [");", "", "topics = ("]
    out.append(",\n".join(
        f"  {{ id = {q(slug(s))}; name = {q(s.capitalize() + ': review of commitments and next steps')};"
        + (f" notes = {q('Background paper circulated in advance; see annex on ' + s + '.')};" if k % 4 == 0 else "")
        + " }" for k, s in enumerate(SUBJECTS)))
    out += [");", "", "roles = (",
            '  { id = "principal"; mark = "P"; name = "Principal (head of state or government)"; },',
            '  { id = "secretariat"; mark = "Sc"; name = "Secretariat"; }', ");", "", "events = ("]
    evs = []
    for ev in b["events"]:
        att = ", ".join(q(w) if r is None else f"{{ who = {q(w)}; role = {q(r)}; }}" for w, r in ev["attendees"])
        lines = [f"  {{ id = {q(ev['id'])};", f"    title = {q(ev['title'])};", f"    track = {q(ev['track'])};",
                 f"    start = {q(ev['start'])};", f"    end = {q(ev['end'])};", f"    venue = {q(ev['venue'])};",
                 f"    format = {q(ev['format'])};", f"    status = {q(ev['status'])};",
                 f"    attendees = ( {att} );",
                 f"    topics = [{', '.join(q(t) for t in ev['topics'])}];",
                 f"    outcomes = [{', '.join(q(o) for o in ev['outcomes'])}];"]
        if ev["notes"]:
            lines.append(f"    notes = {q(ev['notes'])};")
        evs.append("\n".join(lines) + "\n  }")
    out.append(",\n".join(evs))
    out += [");", ""]
    return "\n".join(out)


JOB = """# Benchmark job from tests/bench/gen.py: the full pack of
# config/examples/dushanbe-2025/briefing.cfg over a synthetic dossier.
version = 1;

document = {{
  author = "Benchmark";
  organisation = "briefpack tests/bench";
  classification = "OFFICIAL";
  date = "2025-10-07";
  language = "en";
}};

page = {{
  size = "A4";
  orientation = "portrait";
  margins = [18, 15, 18, 15];
}};

theme = {{
  font = "Noto Sans";
  size = 9.5;
}};

data = "{data}";

output = {{
  file = "{name}.pdf";
}};

sections = (
  {{ plugin = "cover"; }},
  {{ plugin = "contents"; }},
  {{ plugin = "timeline"; title = "Programme"; }},
  {{ plugin = "participant_matrix"; title = "Who attends what"; orientation = "landscape"; }},
  {{ plugin = "agenda_summary"; title = "Agenda and expected outcomes"; }}
);
"""


def write(outdir, name, n, m, d, seed):
    b = build(n, m, d, seed)
    with open(os.path.join(outdir, name + ".cfg"), "w", encoding="utf-8") as f:
        f.write(dossier_text(b))
    with open(os.path.join(outdir, name + "-job.cfg"), "w", encoding="utf-8") as f:
        f.write(JOB.format(data=name + ".cfg", name=name))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("datasets", nargs="*", help="standard datasets: " + ", ".join(DATASETS))
    ap.add_argument("-o", "--out", default=".", help="output folder")
    ap.add_argument("--name", help="a custom dataset with this name (with -n, -m, -d)")
    ap.add_argument("-n", "--people", type=int, default=2000)
    ap.add_argument("-m", "--events", type=int, default=40)
    ap.add_argument("-d", "--delegations", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.name:
        write(a.out, a.name, a.people, a.events, a.delegations, a.seed)
        return
    for name in a.datasets or DATASETS:
        if name not in DATASETS:
            sys.exit(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")
        write(a.out, name, *DATASETS[name], a.seed)


if __name__ == "__main__":
    main()
