"""Loaders: read minutes as municipalities publish them into the document model.

This package knows minutes, not RDF: it never imports rdflib or pyoxigraph.
"""
