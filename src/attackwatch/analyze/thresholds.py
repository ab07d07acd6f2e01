"""Alert thresholds: the pack's alerts.json, overridden by a user file and KEY=VALUE flags."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

RULES = ("resumption", "surge", "new_actor_claim", "new_weapon_at_site", "casualties")


def default_thresholds(pack: str = "default") -> dict[str, Any]:
    from attackwatch.packs import get_pack

    path = get_pack(pack).root / "alerts.json"
    return _read(path)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValueError(f"{path}: no such thresholds file") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a JSON object of rules")
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any], origin: str) -> None:
    for rule, values in extra.items():
        if rule.startswith("_"):
            continue
        if rule not in RULES or not isinstance(values, dict):
            raise ValueError(f"{origin}: unknown rule {rule!r} (rules: {', '.join(RULES)})")
        for key, value in values.items():
            if key.startswith("_"):
                continue
            if key not in base[rule]:
                known = ", ".join(k for k in base[rule] if not k.startswith("_"))
                raise ValueError(f"{origin}: unknown setting {rule}.{key} (settings of {rule}: {known})")
            if type(value) is not type(base[rule][key]) and not (isinstance(base[rule][key], float)
                                                                  and isinstance(value, int)):
                raise ValueError(f"{origin}: {rule}.{key} must be {type(base[rule][key]).__name__}, got {value!r}")
            base[rule][key] = value


def load_thresholds(path: str | Path | None = None, overrides: list[str] | None = None,
                    pack: str = "default") -> dict[str, Any]:
    """Defaults from the pack, then the file at `path` (any subset of rules/keys), then
    overrides like "surge.factor=3" (VALUE read as JSON when it parses: 3, 2.5, ["country"])."""
    thresholds = copy.deepcopy(default_thresholds(pack))
    if path:
        _merge(thresholds, _read(Path(path)), str(path))
    for item in overrides or []:
        name, sep, raw = item.partition("=")
        rule, dot, key = name.strip().partition(".")
        if not sep or not dot:
            raise ValueError(f"--set {item!r}: expected RULE.KEY=VALUE, e.g. surge.factor=3")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        _merge(thresholds, {rule: {key: value}}, f"--set {item}")
    return thresholds
