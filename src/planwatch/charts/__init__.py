"""Charts as data and as SVG: one drawing module for the pages, the leader's view and the report.

``model`` holds what a chart shows (bars against a mark, points over the years); ``svg`` draws
it as self-contained, escaped markup; ``panel`` turns the library's panel rows into chart data.
The package sits below ``report`` and ``web`` so that both draw with the same hand.
"""
