"""Publishing the graph: dumps, the DCAT catalog, the VoID description and Atom feeds.

The command line calls :func:`dump` (and prints :func:`report_lines`); the web app mounts
``web.publish``, which serves what :func:`dump` wrote and renders the feeds.
"""

from graph.publish.dump import DumpReport, dump, report_lines
from graph.publish.feeds import render_feed
from graph.publish.settings import PublishSettings, resolve_publish_settings

__all__ = [
    "DumpReport",
    "PublishSettings",
    "dump",
    "render_feed",
    "report_lines",
    "resolve_publish_settings",
]
