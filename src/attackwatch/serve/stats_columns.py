"""/api/stats from an in-memory column copy of the incidents' statistics fields.

SQLite spends ~1.5-3 µs per incident decoding the wide covering index and grouping by text keys:
on 100,000 incidents a stats request with a new filter took 60-150 ms. The fields a statistic
needs (day, date precision, the split keys, the casualties, the common filters' columns) fit in a
few NumPy arrays (~10 MB for 100,000 incidents), read once per database version: filtering and
grouping them takes a few milliseconds. The copy lives in the app's ResultCache, so it is
dropped exactly when cached answers are (any change to the database), and rebuilt on the next
request.

Only filters on these columns (dates, country, admin1, actor, weapon, and the default review
filter that leaves rejected incidents out) are answered here, with the same semantics as
IncidentFilter.sql() (SQLite's ASCII-only lower(), NULLs never equal); any other filter
(evidence text, claim, confirmation, a review state, ...) goes to SQL as before.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

import numpy as np

from attackwatch.store.filters import IncidentFilter

# IncidentFilter fields answered from the columns; a filter setting any other goes to SQL
COLUMN_FILTERS = {"since", "until", "country", "admin1", "actor", "weapon"}
SPLITS = ("none", "actor", "weapon", "country", "admin1")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def sqlite_lower(value: str | None) -> str | None:
    """SQLite's lower(): ASCII letters only."""
    return None if value is None else value.translate(_ASCII_LOWER)


def answerable(flt: IncidentFilter) -> bool:
    """True when every filter the request sets is one the columns answer: the column filters
    set or not, and everything else at its default. The review filter's default (leave rejected
    incidents out) is applied by `select`; any other review state goes to SQL."""
    for f in fields(flt):
        if f.name not in COLUMN_FILTERS and getattr(flt, f.name) != f.default:
            return False
    return True


def _codes(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Integer codes for a column of hashable values (None included), and the values by code."""
    index: dict[Any, int] = {}
    codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values))
    return codes, list(index)


@dataclass
class StatsColumns:
    day_lo: np.ndarray  # ordinal day, -1 undated
    precision: np.ndarray  # codes into precisions
    precisions: list[str | None]
    killed: np.ndarray  # NULL as 0 (SUM ignores NULLs)
    injured: np.ndarray
    columns: dict[str, tuple[np.ndarray, list[Any]]]  # raw text columns as codes + values
    split_keys: dict[str, tuple[np.ndarray, list[str]]] = field(default_factory=dict)  # filled on first use

    @classmethod
    def from_rows(cls, rows: list[tuple[Any, ...]]) -> "StatsColumns":
        """rows: (day_lo, date_precision, actor_parent, actor, weapon, country_code, admin1_code,
        admin1_name, killed, injured, review) per incident, as SqliteStore.incident_stat_columns
        gives them."""
        cols = list(zip(*rows)) if rows else [()] * 11
        precision, precisions = _codes(list(cols[1]))
        names = ("actor_parent", "actor", "weapon", "country_code", "admin1_code", "admin1_name")
        columns = {name: _codes(list(cols[2 + i])) for i, name in enumerate(names)}
        columns["review"] = _codes(list(cols[10]))
        return cls(day_lo=np.array(cols[0], dtype=np.int64), precision=precision, precisions=precisions,
                   killed=np.array([k or 0 for k in cols[8]], dtype=np.int64),
                   injured=np.array([k or 0 for k in cols[9]], dtype=np.int64), columns=columns).with_split_keys()

    def with_split_keys(self) -> "StatsColumns":
        """Every split's keys computed now, so no request pays for them."""
        for split in SPLITS:
            self._keys(split)
        return self

    def __len__(self) -> int:
        return len(self.day_lo)

    def _where(self, column: str, test: Any) -> np.ndarray:
        """Rows whose `column` value passes `test` (decided once per distinct value)."""
        codes, values = self.columns[column]
        ok = np.array([v is not None and bool(test(v)) for v in values], dtype=bool)
        return ok[codes] if len(values) else np.zeros(len(self), dtype=bool)

    def select(self, flt: IncidentFilter) -> np.ndarray:
        """The rows IncidentFilter.column_clauses() keeps, for the filters in COLUMN_FILTERS and
        the default review filter ("review <> 'rejected'")."""
        if flt.review is not None:
            raise ValueError("a review state is answered by SQL, not the column copy")
        keep = self._where("review", lambda v: v != "rejected")
        if flt.since:
            keep &= self.day_lo >= flt.since.toordinal()
        if flt.until:
            keep &= (self.day_lo <= flt.until.toordinal()) & (self.day_lo >= 0)
        if flt.country:
            country = flt.country.upper()
            keep &= self._where("country_code", lambda v: v == country)
        if flt.admin1:
            code, name = flt.admin1.upper(), sqlite_lower(flt.admin1)
            keep &= self._where("admin1_code", lambda v: v == code) | self._where(
                "admin1_name", lambda v: sqlite_lower(v) == name)
        if flt.actor:
            actor = sqlite_lower(flt.actor)
            keep &= self._where("actor", lambda v: sqlite_lower(v) == actor) | self._where(
                "actor_parent", lambda v: sqlite_lower(v) == actor)
        if flt.weapon:
            weapon = flt.weapon
            keep &= self._where("weapon", lambda v: v == weapon)
        return keep

    def _keys(self, split: str) -> tuple[np.ndarray, list[str]]:
        """The split key of every row (codes, values), as SPLIT_COLUMNS computes it in SQL;
        computed once per copy (two threads may both compute it: the same value)."""
        if split not in self.split_keys:
            self.split_keys[split] = self._compute_keys(split)
        return self.split_keys[split]

    def _compute_keys(self, split: str) -> tuple[np.ndarray, list[str]]:
        if split == "none":
            return np.zeros(len(self), dtype=np.int64), [""]
        if split == "actor":
            parent, parents = self.columns["actor_parent"]
            actor, actors = self.columns["actor"]
            combined = parent.astype(np.int64) * max(len(actors), 1) + actor
            unique, pairs = np.unique(combined, return_inverse=True)
            keys = []
            for c in unique.tolist():
                p, a = divmod(c, max(len(actors), 1))
                keys.append(parents[p] if parents[p] is not None else actors[a] if actors[a] is not None else "unknown")
        else:
            column = {"weapon": "weapon", "country": "country_code", "admin1": "admin1_code"}[split]
            pairs, raw = self.columns[column]
            keys = [v if v is not None else "unknown" for v in raw]
        codes, names = _codes(keys)
        return codes[pairs].astype(np.int64), names

    def rows(self, keep: np.ndarray, by: str, split: str, allowed: set[str]) -> list[tuple[Any, ...]]:
        """Rows for build_stats, summed per period instead of per day: (period start ordinal,
        an allowed precision, key, incidents, killed, injured), plus one (-1, None, ...) row counting
        the undated or too coarse incidents. build_stats gives the same answer for these as for
        the per-day rows of SqliteStore.incident_day_counts."""
        ok_precision = np.array([p in allowed for p in self.precisions], dtype=bool)
        dated = keep & (self.day_lo >= 0) & (ok_precision[self.precision] if len(self.precisions) else False)
        coarse = int(np.count_nonzero(keep & ~dated))
        out: list[tuple[Any, ...]] = [(-1, None, "", coarse, 0, 0)] if coarse else []
        if not dated.any():
            return out
        rows = np.flatnonzero(dated)  # gathered once: cheaper than one boolean mask per column
        days = self.day_lo.take(rows)
        lo, hi = int(days.min()), int(days.max())
        # each day of the range -> its period's start; periods numbered densely, so the cells are
        # counted with bincount (no sort)
        if by == "day":
            period_starts = np.arange(lo, hi + 1, dtype=np.int64)
            period = days - lo
        elif by == "week":
            first = lo - (lo - 1) % 7  # ordinal 1 (0001-01-01) is a Monday
            period_starts = np.arange(first, hi + 1, 7, dtype=np.int64)
            period = (days - first) // 7
        else:
            first_day, last_day = date.fromordinal(lo).replace(day=1), date.fromordinal(hi)
            months = (last_day.year - first_day.year) * 12 + last_day.month - first_day.month + 1
            period_starts = np.array([date(first_day.year + (first_day.month - 1 + k) // 12,
                                           (first_day.month - 1 + k) % 12 + 1, 1).toordinal() for k in range(months)],
                                     dtype=np.int64)
            # day of the range -> month number, then each incident's day looked up
            lengths = np.diff(np.append(period_starts, hi + 1))
            lengths[0] -= lo - period_starts[0]
            period = np.repeat(np.arange(months, dtype=np.int64), lengths)[days - lo]
        key_codes, key_names = self._keys(split)
        width = len(key_names)
        cell = period * width + key_codes.take(rows)
        size = len(period_starts) * width
        counts = np.bincount(cell, minlength=size)
        nonzero = np.flatnonzero(counts)
        killed = np.bincount(cell, weights=self.killed.take(rows), minlength=size).take(nonzero).astype(np.int64)
        injured = np.bincount(cell, weights=self.injured.take(rows), minlength=size).take(nonzero).astype(np.int64)
        precision = min(allowed)
        starts = period_starts.tolist()
        for c, n, k, i in zip(nonzero.tolist(), counts.take(nonzero).tolist(), killed.tolist(), injured.tolist()):
            p, key = divmod(c, width)
            out.append((starts[p], precision, key_names[key], n, k, i))
        return out


def stats_columns(results: Any, store: Any) -> StatsColumns | None:
    """The column copy of `store`'s incidents, from the result cache (so it is dropped on any
    change), or None for a store that cannot give one (PostgreSQL) or has no change token."""
    load = getattr(store, "incident_stat_columns", None)
    token = getattr(store, "change_token", None)
    if load is None or token is None or token() is None:
        return None  # without a change token the copy could not be kept: every request would reload it
    return results.get_or_compute(store, ("stats-columns",), lambda: StatsColumns.from_rows(load()))
