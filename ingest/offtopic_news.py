"""Synthetic news about something else (sport, markets, weather, culture, health, science, local
affairs), for the ingest bench: real feeds are mostly this. Deterministic per seed. Some of these
stories name states, officials or meetings, as real ones do, so triage has to judge, not just count
capitals; none reports an engagement between states on security.
"""

from __future__ import annotations

import random

TEAMS = ["Brazil", "Argentina", "Portugal", "Spain", "France", "Japan", "Morocco", "Ghana", "Croatia", "Mexico"]
CITIES = ["Lisbon", "Madrid", "Osaka", "Accra", "Lyon", "Monterrey", "Porto", "Zagreb", "Rosario", "Casablanca"]
FIRMS = ["Norvale Foods", "Kestrel Motors", "Blue Harbour Bank", "Tallis Pharma", "Orinoco Mining", "Veltra Telecom"]
PEOPLE = ["Ana Ribeiro", "Tomás Ferreira", "Kenji Watanabe", "Grace Mensah", "Luca Marin", "Sofía Ortega"]
CROPS = ["wheat", "coffee", "cocoa", "rice", "maize", "olive oil"]
ILLNESSES = ["measles", "seasonal flu", "dengue fever", "diabetes", "asthma"]


# (headline, text) templates; the slots are filled from the lists above.
STORIES = [
    (
        "{team} beat {rival} {goals}-{conceded} in {city}",
        "{city} – {team} beat {rival} {goals}-{conceded} on Saturday in front of a crowd of {n},000. {person} "
        "scored twice in the second half after a goalless first period. The coach said the team had worked hard "
        "on set pieces during the week. {rival} face a difficult trip next month, and their captain admitted the "
        "defence had been too slow. Tickets for the return match went on sale on Monday.",
    ),
    (
        "Shares in {firm} {change} as {crop} prices move",
        "Shares in {firm} {change} {small}.{digit} per cent on Tuesday after the company reported quarterly "
        "results. Analysts said the price of {crop} had weighed on margins. The chief financial officer told "
        "investors that costs would ease later in the year. Trading volumes were thin ahead of a holiday "
        "weekend, and the wider index closed flat.",
    ),
    (
        "Heavy rain expected in {city} this weekend",
        "Forecasters expect up to {n} millimetres of rain in {city} and the surrounding region from Friday night. "
        "Residents were advised to avoid low-lying roads. Temperatures will drop to {small} degrees on Sunday "
        "before a dry spell next week. Farmers welcomed the rain after a long dry summer.",
    ),
    (
        "{person} wins the {city} book prize",
        "The novelist {person} has won this year's {city} book prize for a story of three generations of a "
        "fishing family. The jury praised its quiet humour. {person} met readers at the city library on Thursday "
        "and said the book took seven years to write. The prize comes with a grant for a translation into "
        "{small} languages.",
    ),
    (
        "Cases of {illness} rise in {team}",
        "Health authorities in {team} reported {n}0 new cases of {illness} last week, up from the week before. "
        "Hospitals said they had enough beds. The health minister visited a clinic on Wednesday and urged "
        "parents to keep vaccinations up to date. Doctors said most patients recover within days.",
    ),
    (
        "Astronomers spot a comet that will pass close to Earth",
        "A team led by {person} has found a comet that will pass within {n} million kilometres of Earth next "
        "spring. It should be visible with binoculars for about two weeks. The discovery was made with a "
        "telescope funded by a group of universities, and the findings were discussed at a conference of "
        "astronomers on Friday.",
    ),
    (
        "{city} council approves a new tram line",
        "The city council of {city} approved plans for a new tram line on Monday after a long debate. Mayor "
        "{person} said the line would cut journey times across the river by half. Councillors discussed the "
        "cost, about {n} million, and agreed to seek bids next year. Shop owners on the route asked for help "
        "during the works.",
    ),
]


def _slots(rng: random.Random) -> dict[str, object]:
    team, rival = rng.sample(TEAMS, 2)
    goals, conceded = sorted(rng.sample(range(5), 2), reverse=True)
    return {
        "team": team, "rival": rival, "goals": goals, "conceded": conceded, "city": rng.choice(CITIES),
        "person": rng.choice(PEOPLE), "firm": rng.choice(FIRMS), "crop": rng.choice(CROPS),
        "illness": rng.choice(ILLNESSES), "change": rng.choice(["rose", "fell", "edged up", "slipped"]),
        "n": rng.randint(12, 95), "small": rng.randint(2, 9), "digit": rng.randint(0, 9),
    }  # fmt: skip


def offtopic_articles(count: int, *, seed: int = 1) -> list[dict]:
    """`count` distinct off-topic articles as article_create keyword arguments (title, text, language)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        title, text = STORIES[i % len(STORIES)]
        slots = _slots(rng)
        out.append(
            {"title": title.format(**slots), "text": f"{text.format(**slots)}\n(Story {i + 1}.)", "language": "en"}
        )
    return out
