"""Rule-based TIMEX3 tagging: dates, times, durations and sets, with TimeML values.

    >>> import datetime as dt
    >>> [(t.type, t.value) for t in tag_times("He left on Friday, a week ago.", dt.date(1998, 1, 8))]
    [('DATE', '1998-01-02'), ('DATE', '1998-W01')]

Spans and values follow TimeBank: "1998-01-08", "1997-10", "1998-W02", "1998-Q3", "199" (the
1990s), "19" (the 20th century), PRESENT_REF / PAST_REF / FUTURE_REF, "1998-01-08TNI",
"T15:30", durations "P3D", "PT2H", "PXY" (years), sets "P1W" or "XXXX-WXX-4" (every Thursday).
Relative expressions are resolved against the publication date: a bare weekday is the latest
one up to publication unless its clause looks ahead ("will vote Friday"); "a year earlier"
and "the quarter" count from the last quarter or day the text named.

Without a publication date, what depends on it stays relative, in forms ``resolve_order_key``
still orders: "DCT-P1D" (yesterday), "DCT+P0W" (this week), "DCT-P2Y" (two years ago), i.e.
"DCT" and a signed ISO-8601 count of calendar units from the unit holding publication;
"XXXX-WXX-5" (Friday) and "XXXX-10-01" (Oct. 1) when only the year or week is unknown.
"""

from crosscheck.language.times.order import resolve_order_key
from crosscheck.language.times.tagger import tag_times

__all__ = ["resolve_order_key", "tag_times"]
