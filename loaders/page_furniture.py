"""Page furniture: the parts of a web page that belong to the site, not to the minutes.

Municipal sites and meeting systems wrap the minutes in cookie banners and consent dialogs,
navigation, breadcrumbs, the site's header and footer, skip links, search forms, share and print
buttons and translation widgets. They are recognised by structure first (the element, its
``role``, ``aria-hidden``, and words in its ``class`` and ``id``), and by a short list of
phrases that such controls print (``Til toppen``, ``Udskriv``, ``Kopier link``). Attributes are
only *read* here to classify an element; their values never reach the text.

>>> furniture_words("CybotCookiebotDialog coi-banner__wrapper")
['cybot', 'cookiebot', 'dialog', 'coi', 'banner', 'wrapper']
>>> is_furniture_phrase("Kopier link til punktet - Print")
True
>>> is_furniture_phrase("Print af bilag 3")
False
>>> is_furniture_phrase("Senest opdateret 23. september 2022")
True
>>> is_furniture_phrase("Siden er senest opdateret 13.03.2008")
True
"""

from __future__ import annotations

import re
from typing import Literal

from selectolax.lexbor import LexborNode


def _words(names: str) -> list[str]:
    return names.split()


# Elements that are never minutes, whatever their content; but a button that opens an item (an
# accordion's heading) is the item's title: see :func:`_opens_content`.
FURNITURE_TAGS = frozenset(("nav", "button", "select", "textarea", "input", "label"))
# ARIA roles of site furniture (landmarks of the site, dialogs, tool bars).
FURNITURE_ROLES = frozenset(
    (
        "navigation",
        "banner",
        "contentinfo",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "tablist",
    )
)
# Words in class or id names that mark furniture of any size (a cookie dialog can hold pages of
# cookie declarations): split at -, _, :, white space and lower-to-upper case changes.
FURNITURE_WORDS = frozenset(
    _words(
        """cookie cookies cookiebot cookieconsent cookieinformation coi consent gdpr cybot
    breadcrumb breadcrumbs crumbs brødkrumme brødkrummer brodkrumme
    skip skiplink skiplinks skipnav skiptranslate
    share sharing sharebar someshare addthis social socialmedia
    translate translation googletranslate goog
    navbar navigation nav mainnav subnav megamenu menu submenu sitemenu
    searchform sitesearch
    readspeaker"""
    )
)
# Words that mark a *small* control (a print button, a tool bar); an element with one of these
# and more text than a control holds (e.g. ``<div class="print-area">`` around the minutes) is
# kept.
SMALL_CONTROL_WORDS = frozenset(_words("print udskriv tools toolbar actions feedback"))
SMALL_CONTROL_TEXT = 80
# aria-hidden and hidden elements are dropped when they are small: an accordion may hide a
# whole agenda item with aria-hidden until it is opened, and that item is minutes.
SMALL_HIDDEN_TEXT = 200

# What furniture controls print: a line (or a link or button) made of these alone is dropped.
FURNITURE_PHRASES = frozenset(
    phrase.casefold()
    for phrase in (
        "Til toppen",
        "Til top",
        "Tilbage til toppen",
        "Gå til toppen",
        "Top",
        "Udskriv",
        "Udskriv siden",
        "Udskriv punkt",
        "Udskriv dagsorden",
        "Print",
        "Print siden",
        "Print punkt",
        "Kopier link",
        "Kopier link til punktet",
        "Kopiér link",
        "Kopiér link til punktet",
        "Link kopieret",
        "Del",
        "Del siden",
        "Del punkt",
        "Del på Facebook",
        "Del på LinkedIn",
        "Del på Twitter",
        "Del på X",
        "Del via e-mail",
        "Del på e-mail",
        "Send til en ven",
        "Facebook",
        "LinkedIn",
        "Twitter",
        "Translate this page",
        "Select Language",
        "Vælg sprog",
        "Powered by Google Translate",
        "Gå til indhold",
        "Gå til hovedindhold",
        "Spring til indhold",
        "Spring til hovedindhold",
        "Spring navigation over",
        "Skip to content",
        "Skip to main content",
        "Læs op",
        "Lyt til siden",
        "Lyt",
        "Luk",
        "Close",
        "Menu",
        "Søg",
        "Tilbage",
        "Tilbage til oversigten",
        "Accepter",
        "Accepter alle",
        "Accepter alle cookies",
        "Afvis",
        "Afvis alle",
        "Tillad alle",
        "Tillad valgte",
        "Gem indstillinger",
        "Vis detaljer",
        "Skjul detaljer",
        "Fold alle ud",
        "Fold alle sammen",
        "Åbn alle",
        "Luk alle",
        "Abonner",
        "RSS",
    )
)
# A page's own dates: "Senest opdateret 23. september 2022", "Sidst redigeret: 01.02.2023",
# "Siden er senest opdateret 13.03.2008".
_PAGE_DATE = re.compile(
    r"(?:(?:siden|denne\s+side)\s+(?:er|blev)\s+)?"
    r"(?:senest|sidst)\s+(?:opdateret|ændret|redigeret|revideret)\b.{0,60}"
    r"|(?:last\s+updated|publiceret|offentliggjort)\s*:?\s*\d.{0,40}",
    re.IGNORECASE,
)
# Separators between controls on one line: "Kopier link til punktet - Print", "Del | Print".
_CONTROL_SEPARATORS = re.compile(r"\s*(?:\t|\s[-–|·•/]\s|\s?[|·•]\s?)\s*")
_NAME_PARTS = re.compile(r"[\s\-_:.]+")
_CAMEL = re.compile(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])")


def furniture_words(names: str) -> list[str]:
    """The words of ``class`` or ``id`` values, lower case: ``skipLink`` -> skip, link."""
    words: list[str] = []
    for part in _NAME_PARTS.split(names):
        words.extend(w.lower() for w in _CAMEL.split(part) if w)
    return words


def is_furniture_phrase(text: str) -> bool:
    """``text`` consists of nothing but furniture phrases (several separated by ``-``, ``|``,
    tabs): it is a bar of controls, not minutes; or it is the page's own date (``Senest
    opdateret ...``), which is not the meeting's."""
    if _PAGE_DATE.fullmatch(text.strip()):
        return True
    parts = [p.strip(" .:·•|") for p in _CONTROL_SEPARATORS.split(text.strip())]
    parts = [p for p in parts if p]
    return bool(parts) and all(p.casefold() in FURNITURE_PHRASES for p in parts)


def _text_length(node: LexborNode, limit: int) -> int:
    """The length of the element's text, counted up to ``limit`` (pages nest deeply)."""
    return min(len(node.text(deep=True, separator="", strip=True)), limit + 1)


def is_furniture(node: LexborNode, tag: str, *, in_content: bool) -> bool:
    """Whether the element ``node`` (lower-case ``tag``) is page furniture.

    ``in_content`` is true inside ``<main>``, ``<article>`` or ``<section>``: there a
    ``<header>`` or ``<footer>`` is the article's own (it may name the meeting), not the site's;
    so is a ``<header>`` that holds the page's ``<h1>``. An ``<aside>`` outside the content is
    the site's sidebar (related pages, the other committees); inside an article it may be the
    minutes' own box, and is kept.
    """
    if tag == "button" and _opens_content(node):
        return False
    if tag in FURNITURE_TAGS:
        return True
    if tag == "aside" and not in_content:
        return True
    if tag in ("header", "footer") and not in_content:
        # a site's header has its logo and menus; one with the page's <h1> names the meeting
        return tag == "footer" or node.css_first("h1") is None
    attributes = node.attributes
    if not attributes:
        return False
    return _furniture_by_attributes(node, tag, attributes) or (
        not in_content and _is_footer_at_page_end(node, tag)
    )


_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_TOGGLES = frozenset(("collapse", "accordion", "toggle"))


def _opens_content(node: LexborNode) -> bool:
    """A button that is an accordion's heading: it stands in a heading or holds one
    (``<h2><button>2. Vejbelysning</button></h2>``), or it opens what it controls
    (``aria-expanded``, ``aria-controls``, a collapse toggle); and it says more than a control
    (``Vis detaljer``, ``Menu``) and is not a menu's or a banner's by its names. Many municipal
    pages print every item's number and title only in such a button."""
    text = node.text(deep=True, separator=" ", strip=True)
    if len(text) < 3 or is_furniture_phrase(text):
        return False
    attributes = node.attributes
    if not FURNITURE_WORDS.isdisjoint(_names(node)):
        return False
    parent = node.parent
    for _ in range(2):  # <h2><button> or <h2><span><button>
        if parent is None:
            break
        if (parent.tag or "").lower() in _HEADING_TAGS:
            return True
        parent = parent.parent
    if node.css_first(_HEADING) is not None:
        return True
    toggle = (attributes.get("data-bs-toggle") or attributes.get("data-toggle") or "").lower()
    return "aria-expanded" in attributes or "aria-controls" in attributes or toggle in _TOGGLES


_PANEL_TAGS = frozenset(_words("div section article ul ol dl table"))


def _is_panel(node: LexborNode, tag: str, attributes: dict[str, str | None]) -> bool:
    """A hidden element that is an accordion's panel, closed until its heading is clicked: it
    names its heading (``aria-labelledby``), is a region or tab panel, or follows a button or
    heading that opens it (or a short wrapper of that heading). A short item
    (``Beslutning: Taget til efterretning.``) is minutes."""
    if tag not in _PANEL_TAGS:
        return False  # an icon (<span aria-hidden="true">▼</span>) is no panel
    role = (attributes.get("role") or "").strip().lower()
    if "aria-labelledby" in attributes or role in ("region", "tabpanel"):
        return True
    before = node.prev
    while before is not None and (
        before.is_comment_node or (before.is_text_node and not (before.text_content or "").strip())
    ):
        before = before.prev
    if before is None:
        return False
    before_tag = (before.tag or "").lower()
    if before_tag in _HEADING_TAGS or (before_tag == "button" and _opens_content(before)):
        return True
    # the heading in a wrapper of its own (<div class="head"><h2>4. Eventuelt</h2></div>), not
    # in furniture (a cookie dialog's heading)
    return (
        before.css_first(_HEADING) is not None
        and _text_length(before, 300) <= 300
        and not is_furniture(before, before_tag, in_content=True)
    )


# Words in class or id names of a site's footer written without the <footer> element.
FOOTER_WORDS = frozenset(_words("footer sitefooter pagefooter sidefod"))
_FOOTER_TAGS = frozenset(_words("div p table aside ul section"))
_NEVER_READ = frozenset(_words("script style noscript template"))
_HEADING = "h1, h2, h3, h4, h5, h6"
_MOST_ANCESTORS = 40  # a site's footer stands near the top of the page's tree


def _names(node: LexborNode) -> list[str]:
    attributes = node.attributes
    return furniture_words(f"{attributes.get('class') or ''} {attributes.get('id') or ''}")


def _is_footer_at_page_end(node: LexborNode, tag: str) -> bool:
    """``<div class="page-footer">`` with no heading, after which the page has nothing more to
    read: the site's footer, printed by pages that do not use ``<footer>`` (older sites, the
    meeting systems' export templates). A footer word alone is not enough: a meeting's
    ``<div class="item-footer">`` stands among the items."""
    if tag not in _FOOTER_TAGS or FOOTER_WORDS.isdisjoint(_names(node)):
        return False
    if node.css_first(_HEADING) is not None:
        return False
    current: LexborNode | None = node
    for _ in range(_MOST_ANCESTORS):
        if current is None or (current.tag or "").lower() in ("body", "html"):
            return True
        following = current.next
        while following is not None:
            if _readable(following):
                return False
            following = following.next
        current = current.parent
    return False


def _readable(node: LexborNode) -> bool:
    """Whether ``node``, standing after a footer, holds text that a reader would read."""
    if node.is_comment_node:
        return False
    if node.is_text_node:
        return bool((node.text_content or "").strip())
    tag = (node.tag or "").lower()
    if tag in _NEVER_READ or tag in FURNITURE_TAGS or tag in ("header", "footer"):
        return False
    attributes = node.attributes
    if attributes and _furniture_by_attributes(node, tag, attributes):
        return False
    return bool(node.text(deep=True, strip=True))


def _furniture_by_attributes(node: LexborNode, tag: str, attributes: dict[str, str | None]) -> bool:
    role = (attributes.get("role") or "").strip().lower()
    if role in FURNITURE_ROLES:
        return True
    hidden = (attributes.get("aria-hidden") or "").strip().lower() == "true"
    if (
        (hidden or "hidden" in attributes)
        and _text_length(node, SMALL_HIDDEN_TEXT) <= SMALL_HIDDEN_TEXT
        and not _is_panel(node, tag, attributes)
    ):
        return True
    href = (attributes.get("href") or "").strip().lower()
    if tag == "a" and href.startswith("javascript:"):
        return _text_length(node, SMALL_CONTROL_TEXT) <= SMALL_CONTROL_TEXT
    words = furniture_words(f"{attributes.get('class') or ''} {attributes.get('id') or ''}")
    if not FURNITURE_WORDS.isdisjoint(words):
        return True
    if not SMALL_CONTROL_WORDS.isdisjoint(words):
        return _text_length(node, SMALL_CONTROL_TEXT) <= SMALL_CONTROL_TEXT
    return False


def is_furniture_control(node: LexborNode, tag: str) -> bool:
    """A link or inline element whose whole text is a furniture phrase (``<a>Udskriv</a>``)."""
    if tag not in ("a", "span", "li", "p", "div", "small"):
        return False
    if _text_length(node, 60) > 60:
        return False
    return is_furniture_phrase(node.text(deep=True, separator=" ", strip=True))


# Words of what is never the site's own frame, though it may sit in a banner or footer landmark:
# consent dialogs, share and translation bars, skip links, search.
_NOT_FRAME_WORDS = frozenset(
    _words(
        """cookie cookies cookiebot cookieconsent cookieinformation coi consent gdpr cybot
    share sharing sharebar someshare addthis social socialmedia
    translate translation googletranslate goog skip skiplink skiplinks skipnav skiptranslate
    searchform sitesearch readspeaker"""
    )
)
_FRAME_ROLES: dict[str, Literal["header", "footer"]] = {"banner": "header", "contentinfo": "footer"}


def site_frame(
    node: LexborNode, tag: str, *, in_content: bool
) -> Literal["header", "footer"] | None:
    """``"header"`` or ``"footer"`` for the site's own header or footer (a ``<header>`` or
    ``<footer>`` outside the content, a ``banner`` or ``contentinfo`` landmark), whose text may
    be the only place that names the municipality; None for anything else, and for a cookie
    dialog or share bar that uses such a landmark.

    Only furniture that :func:`is_furniture` drops is asked about: its text becomes evidence
    about the page (:mod:`loaders.page_evidence`), never minutes.
    """
    attributes = node.attributes
    words = furniture_words(f"{attributes.get('class') or ''} {attributes.get('id') or ''}")
    if not _NOT_FRAME_WORDS.isdisjoint(words):
        return None
    role = (attributes.get("role") or "").strip().lower()
    if role in _FRAME_ROLES:
        return _FRAME_ROLES[role]
    if in_content:
        return None
    if tag == "header":
        return "header"
    if tag == "footer" or _is_footer_at_page_end(node, tag):
        return "footer"
    return None
