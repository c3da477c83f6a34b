"""Reading text into model objects: bulletins and the articles that retell them.

:func:`read_bulletin` reads one post (a ministry's or an air force's) into a :class:`Reading`;
:func:`read_article` reads an article that retells bulletins into a :class:`Report`. Every
count, place, thing, outcome and time read keeps its span in the original text, and what
looks like a count, a place or a time but was not read is listed in :attr:`Reading.unread`.

>>> from datetime import datetime, timezone
>>> r = read_bulletin("Средствами ПВО уничтожены три БПЛА над Белгородской областью.",
...                   posted=datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc))
>>> r.statement.claims[0].regions
('RU-BEL',)
"""

from conflict_events.reading._article import read_article
from conflict_events.reading._bulletin import read_bulletin
from conflict_events.reading._result import Mark, Reading, ReadingKind, Unread

__all__ = ["Mark", "Reading", "ReadingKind", "Unread", "read_article", "read_bulletin"]
