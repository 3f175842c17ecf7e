"""The OpenAPI description of ``/sparql``, which is served outside FastAPI's routing."""

from __future__ import annotations

from typing import Any

from sparql.negotiation import GRAPH_FORMATS, RESULT_FORMATS


def _parameters() -> list[dict[str, Any]]:
    repeated = {"type": "array", "items": {"type": "string", "format": "uri"}}
    return [
        {"name": "query", "in": "query", "schema": {"type": "string"},
         "description": "A SPARQL 1.1 query. Without it, GET answers the service description."},
        {"name": "default-graph-uri", "in": "query", "schema": repeated, "explode": True,
         "description": "Graphs whose merge is the default graph (default: all graphs)."},
        {"name": "named-graph-uri", "in": "query", "schema": repeated, "explode": True,
         "description": "Graphs that GRAPH may reach (default: all graphs)."},
        {"name": "format", "in": "query", "schema": {"type": "string"},
         "description": "Result format by name (json, xml, csv, tsv, ttl, nt, nq, jsonld, "
         "rdfxml) or media type; overrides Accept."},
    ]  # fmt: skip


def _responses() -> dict[str, Any]:
    formats = {f.media_type: {"schema": {"type": "string"}} for f in RESULT_FORMATS + GRAPH_FORMATS}
    text = {"text/plain": {"schema": {"type": "string"}}}
    return {
        "200": {"description": "Query results, or the service description", "content": formats},
        "304": {"description": "Not modified since the ETag or date given"},
        "400": {"description": "Malformed query or request", "content": text},
        "403": {"description": "SERVICE or SPARQL Update: refused", "content": text},
        "405": {"description": "Not GET, HEAD, POST or OPTIONS", "content": text},
        "406": {"description": "No offered format fits Accept or format", "content": text},
        "413": {"description": "Request body over the limit", "content": text},
        "414": {"description": "URL over the limit", "content": text},
        "415": {"description": "POST without a query media type, or not UTF-8", "content": text},
        "422": {"description": "The query ran past the time limit", "content": text},
        "503": {"description": "Too many queries at once; see Retry-After", "content": text},
    }


def sparql_paths() -> dict[str, Any]:
    body = {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": {"type": "string"}},
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["query"],
                }
            },
        },
    }
    return {
        "/sparql": {
            "get": {
                "summary": "SPARQL 1.1 query (GET), or the service description without a query",
                "operationId": "sparql_get",
                "parameters": _parameters(),
                "responses": _responses(),
            },
            "post": {
                "summary": "SPARQL 1.1 query (POST form or direct)",
                "operationId": "sparql_post",
                "parameters": _parameters()[1:],
                "requestBody": body,
                "responses": _responses(),
            },
        }
    }
