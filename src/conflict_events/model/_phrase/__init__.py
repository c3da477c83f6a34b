"""The time-phrase reader behind :meth:`TimeWindow.parse`, in three layers that import only
downward: :mod:`.words` (the word lists, data), :mod:`.scan` (text to words, each with its span)
and :mod:`.resolve` (words to the fields of a window, never a window itself)."""
