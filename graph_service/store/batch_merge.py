"""Merging a write batch into stored elements: shared by every store, so they classify alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from graph_service.model import Element
from graph_service.model.merge import merge_element
from graph_service.store.protocol import UpsertResult

E = TypeVar("E", bound=Element)


def merge_into(stored: dict[str, E], incoming: Sequence[E], result: UpsertResult) -> dict[str, E]:
    """Merge ``incoming`` into ``stored`` (in place) and record created/updated/unchanged.

    Returns the elements whose stored state changed, by id, in their final merged state;
    an id repeated in one batch counts as created if it was new before the batch.
    """
    changed: dict[str, E] = {}
    for element in incoming:
        previous = stored.get(element.id)
        merged = element if previous is None else merge_element(previous, element)
        stored[element.id] = merged
        if previous is None:
            result.created.add(element.id)
        elif element.id not in result.created:
            if merged is not previous:
                result.unchanged.discard(element.id)
                result.updated.add(element.id)
            elif element.id not in result.updated:
                result.unchanged.add(element.id)
        if merged is not previous:
            changed[element.id] = merged
    return changed
