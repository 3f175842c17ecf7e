"""Security headers: a strict Content-Security-Policy on every HTML page, and two headers on
every response.

The pages run no script and load nothing from another site: styles and images come from this
server (``/static/``), the JSON-LD block is data, not script, and forms submit here only. So
the policy allows nothing else, and minutes that contain markup (``<script>``, ``onerror=``)
stay inert even if a template let it through. A page that needs more sets its own policy,
which is kept (the query page, ``web.query_page.CONTENT_SECURITY_POLICY``, runs YASGUI).

>>> "script-src" in CONTENT_SECURITY_POLICY
False
>>> CONTENT_SECURITY_POLICY.split("; ")[0]
"default-src 'none'"
"""

from __future__ import annotations

from typing import Final

from web.header_middleware import Headers, ResponseHeaders

CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
"""For HTML: no script at all (``default-src 'none'`` covers ``script-src``)."""

EVERY_RESPONSE: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
)
HTML_ONLY: Final = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
)


class SecurityHeaders(ResponseHeaders):
    """ASGI middleware: adds :data:`EVERY_RESPONSE` to each HTTP response and, to HTML
    responses without a policy of their own, the CSP and ``X-Frame-Options``."""

    def changed(self, headers: Headers) -> Headers:
        return with_security(headers)


def with_security(headers: Headers) -> Headers:
    """``headers`` (as ASGI gives them) with the security headers added where missing.

    >>> names = [n for n, _ in with_security([(b"content-type", b"text/html; charset=utf-8")])]
    >>> b"content-security-policy" in names, b"x-content-type-options" in names
    (True, True)
    >>> [n for n, _ in with_security([(b"content-type", b"text/turtle")])]
    [b'content-type', b'x-content-type-options', b'referrer-policy']
    """
    present = {name.lower() for name, _ in headers}
    added = list(headers)
    added += [(n, v) for n, v in EVERY_RESPONSE if n not in present]
    content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
    if content_type.startswith(b"text/html") and b"content-security-policy" not in present:
        added += [(n, v) for n, v in HTML_ONLY if n not in present]
    return added


__all__ = ["CONTENT_SECURITY_POLICY", "SecurityHeaders", "with_security"]
