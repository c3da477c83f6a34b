"""How finely a report stated a time: the scale shared by windows and the phrase reader."""

from __future__ import annotations

from enum import Enum

__all__ = ["Precision"]


class Precision(Enum):
    """How finely the report stated the time, finest first."""

    MINUTE = "minute"
    HOUR = "hour"
    PART_OF_DAY = "part_of_day"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"

    def coarser(self, other: Precision) -> Precision:
        """The coarser of two precisions.

        >>> Precision.HOUR.coarser(Precision.DAY)
        <Precision.DAY: 'day'>
        """
        return max(self, other, key=_RANK.__getitem__)


_RANK = {p: i for i, p in enumerate(Precision)}
