"""JSON encoding of nodes and relations, shared by the backends that store documents."""

from __future__ import annotations

from pydantic import TypeAdapter

from graph_service.model import Element, Node

NODE_ADAPTER: TypeAdapter[Node] = TypeAdapter(Node)


def encode(element: Element) -> str:
    """JSON without null fields: they come back as defaults, and the store is half the size."""
    return element.model_dump_json(exclude_none=True)


def decode_node(data: str | bytes) -> Node:
    """Parse a node stored as JSON (the ``kind`` field picks the class)."""
    return NODE_ADAPTER.validate_json(data)
