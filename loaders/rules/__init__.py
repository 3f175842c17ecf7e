"""The rules of the minutes parser, one module per rule family.

Like markdown-it, the parser is an ordered list of small named rules that share one
:class:`~loaders.rules.parse_state.ParseState`. A rule that does not recognise its input says so by
returning ``None`` (line rules) or ``False`` (core rules); rules never raise for odd input (a
fact that makes the text unreadable as minutes is left in ``state.problem`` for the parser to
raise). Which rules run, and in what order, is data: :data:`loaders.parse.CORE_RULES` lists the
core rules, and each family keeps its line rules in a table at the top of its module
(``LABEL_RULES``, ``HEADING_RULES``, ``NOISE_RULES``, ``HEADER_RULES``).

======================  =============================================================
module                  what it recognises
======================  =============================================================
``state``               the parse state, the tokens, and the plain form of each line
``sections``            section labels and the sections they open
``learned_labels``      labels of a layout that the table of headings lacks
``items``               item headings, confirmed by structure
``heading_gaps``        headings the chosen chain jumped over, or glued to other text
``titles``              titles wrapped onto a second line, or printed before the item
``unnumbered``          items printed without a number: at case numbers, access lines, labels;
                        among numbered items, at a titled block of case numbers
``signatures``          signature pages, which end the last item
``noise``               page footers, table rules, running headers, link bars, page headers
``meetings``            a second meeting in the same file, set aside with a note
``toc``                 the table of contents; truncation
``header``              committee, date, times, place, kind, attendance
``header_dates``        the header's dates and times: in labels, date lines, sentences
``header_facts``        what the header rules gather, and the words of a place
``header_labels``       which header lines are labels; dates that are not the meeting's
``meeting_date``        the meeting date among the header's dates
``committees``          committee names: councils, boards, udvalg; prefixes and periods removed
``decision_headings``   date and committee from decision headings and item lines
``agenda``              each item's preamble, sections and attendance lines
``casenumbers``         case numbers and their parts
``people``              participants and absences
``item_refs``           the items a note names (``punkt 2-3``, ``pkt. 4, 6 og 7``, ``efter pkt. 6``)
``item_absences``       absences from items: read from notes, filed under the items they cover
``attendance``          present, absent, arrived, left, substitutes, guests; per meeting and item
``attachments``         attachment titles
``decisions``           decisions (with their votes), other bodies' decisions, earlier treatments
``municipality``        given, stated or inferred (council name, postal address, web domain)
======================  =============================================================
"""
