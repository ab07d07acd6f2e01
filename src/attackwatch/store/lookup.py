"""Finding an incident by any id a user may hold: its id, the `event_id_cnty` of an export,
or the id of an incident since merged into another (followed to the one that holds its
reports now, through the change log)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from attackwatch.store.acled import incident_id_from_event_id

MAX_HOPS = 50  # merges of merges; a longer chain is a loop


@dataclass
class Found:
    asked: str
    incident_id: str | None  # the incident that exists now (None: none)
    path: list[str] = field(default_factory=list)  # the ids passed through, the one asked first

    @property
    def note(self) -> str | None:
        """How the asked id led to the incident, when it was not the incident's own id."""
        if self.incident_id is None:
            return None
        parts = []
        if self.asked.strip() != self.path[0]:
            parts.append(f"{self.asked.strip()} is the export id of {self.path[0]}")
        if len(self.path) > 1:
            parts.append(f"{self.path[0]} was merged into {' and then '.join(self.path[1:])}")
        return "; ".join(parts) or None


def find_incident(store: Any, asked: str) -> Found:
    """The incident `asked` names now (see the module docstring)."""
    text = asked.strip()
    current = incident_id_from_event_id(text) or text
    path = [current]
    for _ in range(MAX_HOPS):
        if store.incident(current) is not None:
            return Found(asked, current, path)
        survivor = store.merged_into(current)
        if survivor is None or survivor in path:
            break
        current = survivor
        path.append(current)
    return Found(asked, None, path)
