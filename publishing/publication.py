"""Who publishes the dumps and where they are downloaded: what the DCAT catalog, the VoID
description and the feeds say about the publisher, and the URLs they point at.

The values come from the command line, else the environment, else the defaults below
(:func:`resolve_publish_settings`). The default contact address is a placeholder on
example.org: fine for a local demo, wrong for a real deployment, so :meth:`warnings` says so
and ``dump`` prints it.

>>> settings = PublishSettings(base_url="https://data.example.dk")
>>> settings.base_url
'https://data.example.dk/'
>>> settings.download_url("referatgraf.nq.gz")
'https://data.example.dk/dumps/referatgraf.nq.gz'
>>> settings.sparql_endpoint
'https://data.example.dk/sparql'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from graph.uris import catalog_node, dataset, municipality_subset

PUBLIC_URL_ENV = "REFERATGRAF_PUBLIC_URL"
PUBLISHER_ENV = "REFERATGRAF_PUBLISHER"
CONTACT_EMAIL_ENV = "REFERATGRAF_CONTACT_EMAIL"

DEFAULT_BASE_URL = "http://127.0.0.1:8000/"
DEFAULT_PUBLISHER = "referatgraf"
PLACEHOLDER_EMAIL = "referatgraf@example.org"

LICENCE = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
"""The licence of the data, the ontology and the catalog: Creative Commons Attribution 4.0
International, by its IRI in the EU licence authority table."""
LICENCE_NAME = "Creative Commons Navngivelse 4.0 International (CC BY 4.0)"
LICENCE_TEXT = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True, slots=True)
class PublishSettings:
    """The public face of an installation: the server's public URL (the dumps are under
    ``dumps/``, the endpoint at ``sparql``), the publisher's name and a contact e-mail."""

    base_url: str = DEFAULT_BASE_URL
    publisher: str = DEFAULT_PUBLISHER
    contact_email: str = PLACEHOLDER_EMAIL

    def __post_init__(self) -> None:
        if not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if "@" not in self.contact_email:
            raise ValueError(f"not an e-mail address: {self.contact_email!r}")

    def download_url(self, name: str) -> str:
        """Where the dump file ``name`` (relative to the dump folder) is downloaded."""
        return f"{self.base_url}dumps/{name}"

    @property
    def sparql_endpoint(self) -> str:
        return f"{self.base_url}sparql"

    @property
    def catalog_url(self) -> str:
        return f"{self.base_url}catalog"

    @property
    def void_url(self) -> str:
        return f"{self.base_url}.well-known/void"

    @property
    def dataset_iri(self) -> str:
        """The whole dataset, in the catalog and in the VoID description alike."""
        return dataset(self.catalog_url)

    def subset_iri(self, slug: str) -> str:
        """One municipality's part of the dataset."""
        return municipality_subset(self.catalog_url, slug)

    def node_iri(self, key: str) -> str:
        """Any other node the catalog describes (``udgiver``, ``fil-referatgraf.nq.gz``)."""
        return catalog_node(self.catalog_url, key)

    def feed_url(self, path: str) -> str:
        """A feed's public URL from its path under ``feeds/`` (``kommune/lejre.atom``)."""
        return f"{self.base_url}feeds/{path}"

    def warnings(self) -> list[str]:
        """What a real deployment must set before publishing."""
        found = []
        if self.contact_email == PLACEHOLDER_EMAIL:
            found.append(
                f"the contact e-mail is the placeholder {PLACEHOLDER_EMAIL}; "
                f"set ${CONTACT_EMAIL_ENV} to a real address before publishing"
            )
        if self.base_url == DEFAULT_BASE_URL:
            found.append(
                f"download URLs point at {DEFAULT_BASE_URL}; set ${PUBLIC_URL_ENV} to the "
                "server's public URL before publishing"
            )
        return found


def resolve_publish_settings(
    base_url: str | None = None,
    publisher: str | None = None,
    contact_email: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> PublishSettings:
    """Command-line value, else ``$REFERATGRAF_PUBLIC_URL`` / ``$REFERATGRAF_PUBLISHER`` /
    ``$REFERATGRAF_CONTACT_EMAIL``, else the default.

    >>> resolve_publish_settings(environ={"REFERATGRAF_PUBLISHER": "KL"}).publisher
    'KL'
    """
    env = os.environ if environ is None else environ
    return PublishSettings(
        base_url=base_url or env.get(PUBLIC_URL_ENV) or DEFAULT_BASE_URL,
        publisher=publisher or env.get(PUBLISHER_ENV) or DEFAULT_PUBLISHER,
        contact_email=contact_email or env.get(CONTACT_EMAIL_ENV) or PLACEHOLDER_EMAIL,
    )
