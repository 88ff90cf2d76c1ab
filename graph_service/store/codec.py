"""JSON encoding of nodes and relations, shared by the backends that store documents."""

from __future__ import annotations

from pydantic import TypeAdapter

from graph_service.model import Node

NODE_ADAPTER: TypeAdapter[Node] = TypeAdapter(Node)


def decode_node(data: str | bytes) -> Node:
    """Parse a node stored as JSON (the ``kind`` field picks the class)."""
    return NODE_ADAPTER.validate_json(data)
