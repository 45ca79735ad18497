"""Dates of one synthetic practicum, laid out in the order the checker expects.

Engagement, intake and contract come first, then assessment, case conference, plan,
8–15 intervention sessions, evaluation, termination and referral; the practicum period
is drawn around them, so every fieldwork date falls inside it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from macros.schema.types import format_date


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    engagement: tuple[dt.date, dt.date]
    intake: dt.date
    contract: dt.date
    interviews: list[dt.date]
    assessment: tuple[dt.date, dt.date]
    conference: dt.date
    plan: tuple[dt.date, dt.date]
    sessions: list[dt.date]
    conference_2: dt.date
    evaluation: dt.date
    termination: dt.date
    referral: dt.date
    end: dt.date
    foreword: dt.date
    approval: dt.date
    letter: dt.date
    semester: str


def written(day: dt.date) -> str:
    """`Senin, 2 September 2024`: how students write dates."""
    return format_date(day)


def plain(day: dt.date) -> str:
    return format_date(day, weekday=False)


def draw_timeline(rng: random.Random, year: int, sessions: int) -> Timeline:
    odd = rng.random() < 0.6  # most practica run in the odd (August–December) semester
    if odd:
        start = dt.date(year, rng.choice([8, 9]), rng.randint(1, 25))
        semester = f"Ganjil {year}/{year + 1}"
    else:
        start = dt.date(year, rng.choice([2, 3]), rng.randint(1, 25))
        semester = f"Genap {year - 1}/{year}"
    step = lambda day, low, high: day + dt.timedelta(days=rng.randint(low, high))  # noqa: E731
    first = step(start, 4, 9)
    second = step(first, 1, 4)
    intake = step(second, 0, 2)
    contract = step(intake, 0, 2)
    assess_start = step(contract, 1, 3)
    assess_end = step(assess_start, 4, 9)
    interviews = sorted(step(assess_start, 0, (assess_end - assess_start).days) for _ in range(rng.randint(3, 5)))
    conference = step(assess_end, 1, 2)
    plan_start = conference
    plan_end = step(plan_start, 0, 2)
    days = [step(plan_end, 1, 3)]
    for _ in range(sessions - 1):
        days.append(step(days[-1], 1, 3))
    conference_2 = days[len(days) // 2]
    evaluation = step(days[-1], 1, 3)
    termination = step(evaluation, 0, 2)
    referral = step(termination, 0, 1)
    end = step(referral, 0, 4)
    return Timeline(start, (first, second), intake, contract, interviews, (assess_start, assess_end), conference,
                    (plan_start, plan_end), days, conference_2, evaluation, termination, referral, end,
                    step(end, 2, 10), step(end, 10, 30), step(start, -12, -3), semester)


def time_range(rng: random.Random, earliest: int = 8, latest: int = 15) -> str:
    hour = rng.randint(earliest, latest)
    minute = rng.choice([0, 0, 15, 30, 45])
    length = rng.choice([45, 60, 60, 90, 120])
    end = hour * 60 + minute + length
    return f"{hour:02d}.{minute:02d}-{end // 60:02d}.{end % 60:02d}"
