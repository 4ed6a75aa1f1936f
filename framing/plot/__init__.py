"""Charts of framing results, one per question.

Axes-level functions are named ``plot_<thing>``: they take a tidy table made by
an analysis function, draw on ``ax`` (the current Axes by default) and return
it. Figure-level functions are named ``compare_<thing>``: they build and
return a whole :class:`~matplotlib.figure.Figure`. None of them calls
``plt.show()``, saves files or changes global settings.

Colours are stable: :func:`outlet_colors` hashes every outlet's name to a
colour-blind-safe colour (none light on white), so an outlet keeps its colour
whatever other outlets are present, in every chart, comparison and session
(see its collision rule); a mapping given as ``palette=`` to any chart, to
:func:`framing.compare` or to the command wins. Outlets are drawn in the order
of :attr:`framing.Corpus.outlets` everywhere. The segments of stacked bars (labels, roles,
speakers) take their colours from :func:`part_palette`, a different scheme, so
that in a chart of outlets a colour always means an outlet.

The marks mean the same in every chart: ``†`` a value that rests on a single
article (no interval over articles can be computed), hatching a value whose
interval includes the reference (zero) or, for terms, rests on one article,
``—`` a value that is missing (not zero).
"""

from ._layout import outlet_colors, outlet_palette, part_palette
from .actors import plot_relative_sentiment, plot_roles
from .estimates import plot_arc, plot_estimates, plot_sentiment
from .tables import compare_labels, plot_composition, plot_heatmap, plot_labels
from .terms import compare_terms, plot_fightin_words, plot_terms

__all__ = [
    "outlet_colors",
    "outlet_palette",
    "part_palette",
    "plot_terms",
    "plot_fightin_words",
    "compare_terms",
    "plot_estimates",
    "plot_heatmap",
    "plot_sentiment",
    "plot_arc",
    "plot_labels",
    "plot_composition",
    "compare_labels",
    "plot_relative_sentiment",
    "plot_roles",
]
