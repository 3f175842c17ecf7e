"""Publishing the graph: dumps, the DCAT catalog and the VoID description (the Atom feeds are
rendered by ``web.atom``, from this layer's facts).

The command line calls :func:`dump` (and prints :func:`report_lines`); the web app mounts
``web.publish_routes``, which serves what :func:`dump` wrote and renders the feeds.
"""

from publishing.dump import DumpReport, dump, report_lines
from publishing.publication import PublishSettings, resolve_publish_settings

__all__ = [
    "DumpReport",
    "PublishSettings",
    "dump",
    "report_lines",
    "resolve_publish_settings",
]
