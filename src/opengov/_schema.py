"""JSON Schemas for the wire: the tightening every exported schema goes through.

Pydantic marks a discriminated union with ``discriminator: {propertyName, mapping}``
but leaves the tag optional in each variant (it has a default in Python) and gives
the union no ``type``. :func:`tighten_schema` makes the tag a required property of
every variant and gives the union ``type: object``, so validators and type
generators see one closed variant per tag. JSON Schema itself has no
``discriminator`` keyword: ajv's extension of it takes only ``propertyName`` (each
variant's ``const`` tag is the mapping), so the plain JSON Schemas drop ``mapping``;
the OpenAPI document, where the keyword is defined, keeps it.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["tighten_schema"]

JSON = dict[str, Any]


def _resolve(root: JSON, ref: str) -> JSON | None:
    if not ref.startswith("#/"):
        return None
    node: Any = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, dict) else None


def tighten_schema(schema: JSON, *, keep_mapping: bool) -> JSON:
    """A copy of ``schema`` with every discriminated union tightened (see the module).

    >>> s = {"$defs": {"A": {"type": "object", "properties": {"kind": {"const": "a"}}}},
    ...      "oneOf": [{"$ref": "#/$defs/A"}],
    ...      "discriminator": {"propertyName": "kind", "mapping": {"a": "#/$defs/A"}}}
    >>> t = tighten_schema(s, keep_mapping=False)
    >>> t["type"], t["discriminator"], t["$defs"]["A"]["required"]
    ('object', {'propertyName': 'kind'}, ['kind'])
    """
    root = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        disc = node.get("discriminator")
        if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str):
            tag = disc["propertyName"]
            node.setdefault("type", "object")
            for variant in node.get("oneOf", ()):
                target = _resolve(root, variant.get("$ref", "")) if "$ref" in variant else variant
                if target is None:
                    continue
                required = target.setdefault("required", [])
                if tag not in required:
                    required.insert(0, tag)
                prop = target.get("properties", {}).get(tag)
                if isinstance(prop, dict):
                    prop.pop("default", None)  # a required tag has no default
            if not keep_mapping:
                disc.pop("mapping", None)
        for value in node.values():
            walk(value)

    walk(root)
    return root
