"""Schedule views over time: the time slider under the map and the convoy positions on it.

:func:`install` is the one hook the main window calls: it docks a
:class:`~ui.convoys.slider.TimeSlider` under the map, puts a
:class:`~ui.convoys.layer.ConvoyPositionsLayer` on the map's scene and keeps
both (and the Gantt's time cursor) in step with the document's results.
"""

from __future__ import annotations


def install(window):
    """Wire the time slider and the convoy positions into a main window; returns the slider.

    ``window`` needs ``doc``, ``map`` (a map view with ``scene()``, or a
    placeholder without one), ``map_page`` (the map's container, a vertical
    layout) and optionally ``gantt`` (a ``ui.panels.gantt.GanttPanel``) and ``schedule_panel`` (its
    ``convoySelected`` highlights that convoy's marker).
    """
    from ui.convoys.common import schedule_of
    from ui.convoys.layer import ConvoyPositionsLayer
    from ui.convoys.slider import TimeSlider

    doc = window.doc
    slider = TimeSlider(window.map_page)
    window.map_page.layout().addWidget(slider)
    layer = ConvoyPositionsLayer(window.map) if hasattr(window.map, "scene") else None
    gantt = getattr(window, "gantt", None)

    def on_results():
        if layer is not None:
            layer.rebuild()
        slider.set_schedule(schedule_of(doc))

    def on_time(t):
        if layer is not None:
            layer.set_time(t)
            slider.set_status(layer.summary())
            layer.view.viewport().update()
        if gantt is not None:
            gantt.set_time(t)

    slider.timeChanged.connect(on_time)
    panel = getattr(window, "schedule_panel", None)
    if layer is not None and panel is not None:  # the convoy selected in the table stands out on the map
        panel.convoySelected.connect(layer.highlight)
    doc.resultsChanged.connect(on_results)
    doc.planReset.connect(on_results)
    slider.layer = layer
    on_results()
    return slider
