"""Writes the API's OpenAPI document as the local gateway (API Gateway) serves it, as JSON.

API Gateway's JWT authorizer answers 401 itself, before the function runs, with
{"message":"Unauthorized"}; the document describes the function's own errors ({"error","message"}).
Until the document declares the authorizer's body for 401, this overlay does, and only that:
every other response keeps the document's schema. Usage: gateway_spec.py <openapi.yaml> <out.json>
"""
import json
import sys

import yaml

AUTHORIZER_401 = {
    "description": "refused by the HTTP API's JWT authorizer (API Gateway's own body)",
    "content": {"application/json": {"schema": {
        "type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}}},
}


def main(source, target):
    with open(source, encoding="utf-8") as file:
        spec = yaml.safe_load(file)
    patched = 0
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "401" in operation.get("responses", {}):
                operation["responses"]["401"] = AUTHORIZER_401
                patched += 1
    with open(target, "w", encoding="utf-8") as file:
        json.dump(spec, file, indent=2)
    print(f"{patched} responses 401 set to the authorizer's body")


if __name__ == "__main__":
    main(*sys.argv[1:3])
