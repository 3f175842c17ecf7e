"""HTTP Digest authentication (RFC 7616, MD5 with ``qop=auth``), as Virtuoso asks for on its
write endpoints (``/sparql-auth``, ``/sparql-graph-crud-auth``).

A challenge is fetched once and kept: each later request answers it with the next nonce count,
so a large write body is sent once, not first unauthorised and then again.

>>> challenge = parse_challenge('Digest realm="SPARQL", nonce="abc", opaque="xyz", qop="auth"')
>>> challenge["realm"], challenge["nonce"], challenge["qop"]
('SPARQL', 'abc', 'auth')
>>> parse_challenge('Basic realm="x"') is None
True

The example of RFC 2617, section 3.5:

>>> digest = Digest("Mufasa", "Circle Of Life")
>>> digest.accept('Digest realm="testrealm@host.com", qop="auth,auth-int", '
...               'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", '
...               'opaque="5ccc069c403ebaf9f0171e9517f40e41"')
True
>>> header = digest.authorization("GET", "/dir/index.html", cnonce="0a4f113b")
>>> [part for part in header.split(", ") if part.startswith(("nc=", "response="))]
['nc=00000001', 'response="6629fae49393a05397450978507c4ef1"']
"""

from __future__ import annotations

import hashlib
import re
import secrets
import threading

_PARAM = re.compile(r'(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))')


def parse_challenge(header: str) -> dict[str, str] | None:
    """The parameters of a ``WWW-Authenticate: Digest ...`` header, ``None`` for another scheme."""
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() != "digest":
        return None
    return {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _PARAM.finditer(rest)
    }


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


class Digest:
    """One user's credentials and the server's last challenge."""

    def __init__(self, user: str, password: str) -> None:
        self.user = user
        self.password = password
        self.challenge: dict[str, str] | None = None
        self._count = 0
        self._lock = threading.Lock()

    def authorization(self, method: str, uri: str, cnonce: str | None = None) -> str:
        """The ``Authorization`` header for a request, answering the kept challenge."""
        challenge = self.challenge
        if challenge is None:
            raise ValueError("no Digest challenge yet")
        with self._lock:
            self._count += 1
            count = f"{self._count:08x}"
        cnonce = cnonce or secrets.token_hex(8)
        realm, nonce = challenge.get("realm", ""), challenge.get("nonce", "")
        secret = _md5(f"{self.user}:{realm}:{self.password}")
        target = _md5(f"{method}:{uri}")
        response = _md5(f"{secret}:{nonce}:{count}:{cnonce}:auth:{target}")
        fields = [
            f'Digest username="{self.user}"',
            f'realm="{realm}"',
            f'nonce="{nonce}"',
            f'uri="{uri}"',
            "algorithm=MD5",
            "qop=auth",
            f"nc={count}",
            f'cnonce="{cnonce}"',
            f'response="{response}"',
        ]
        if "opaque" in challenge:
            fields.append(f'opaque="{challenge["opaque"]}"')
        return ", ".join(fields)

    def accept(self, header: str) -> bool:
        """Keep a new challenge (``False`` when the header is not a Digest challenge)."""
        challenge = parse_challenge(header)
        if challenge is None:
            return False
        with self._lock:
            self.challenge = challenge
            self._count = 0
        return True


__all__ = ["Digest", "parse_challenge"]
